using System.Net;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>GET /auth/session: "not signed in" is a 200 answer, so signed-out pages make no failing request.</summary>
public sealed class SessionStateTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    [Fact]
    public async Task Answers_signed_out_then_who_is_signed_in_then_signed_out_again()
    {
        using var browser = new ApiSession(Api);
        await AssertSignedOutAsync(browser);

        await browser.SignUpAsync(Emails.New("session"), tenantName: "Session Works");
        var session = await browser.JsonAsync("/api/v1/auth/session");
        Assert.True(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal((await browser.MeAsync()).GetRawText(), session.GetProperty("me").GetRawText());

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/v1/auth/logout", new { })).StatusCode);
        await AssertSignedOutAsync(browser);
    }

    private static async Task AssertSignedOutAsync(ApiSession browser)
    {
        var response = await browser.GetAsync("/api/v1/auth/session");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("me").ValueKind);
    }
}
