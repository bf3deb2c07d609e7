using System.Text;

namespace Faultline.WebApi.Tests;

public sealed class ProblemDetailsTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/admin/tenants")]
    [InlineData("/api")]
    public async Task Unknown_api_routes_answer_404_problems_not_the_spa(string path)
    {
        var problem = await ProblemAssert.IsProblemAsync(await Api.Client.GetAsync(path), 404);

        Assert.Equal(path, problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Malformed_json_answers_a_400_problem_that_says_so()
    {
        var request = RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants");
        request.Content = new StringContent("{\"key\": \"acme\",", Encoding.UTF8, "application/json");

        var problem = await ProblemAssert.IsProblemAsync(await Api.Client.SendAsync(request), 400);

        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", problem.ToString());
    }

    [Fact]
    public async Task A_body_of_the_wrong_type_answers_a_415_problem()
    {
        var request = RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants");
        request.Content = new StringContent("key=acme", Encoding.UTF8, "application/x-www-form-urlencoded");

        await ProblemAssert.IsProblemAsync(await Api.Client.SendAsync(request), 415);
    }

    [Fact]
    public async Task An_oversized_body_answers_a_413_problem()
    {
        var request = RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants");
        request.Content = new StringContent($"{{\"key\":\"acme\",\"name\":\"{new string('x', 100_000)}\"}}", Encoding.UTF8, "application/json");

        await ProblemAssert.IsProblemAsync(await Api.Client.SendAsync(request), 413);
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>("SELECT count(*) FROM catalog.tenants"));
    }

    [Fact]
    public async Task A_wrong_method_answers_a_405_problem()
    {
        var response = await Api.Client.SendAsync(RunningApi.AsOperator(HttpMethod.Delete, "/api/v1/admin/tenants"));

        await ProblemAssert.IsProblemAsync(response, 405);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_even_for_errors()
    {
        var request = RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants");
        request.Content = new StringContent("nope", Encoding.UTF8, "application/json");

        var response = await Api.Client.SendAsync(request);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
