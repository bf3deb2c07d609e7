using System.Net;

namespace Faultline.WebApi.Tests;

/// <summary>Stateless instances: a session started on one instance works on another, and after a restart.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task A_session_cookie_from_one_instance_is_accepted_by_another_sharing_the_database()
    {
        await using var first = await RunningApi.StartAsync();
        using var browser = new ApiSession(first);
        await browser.SignUpAsync(Emails.New("roaming"), tenantName: "Roaming");

        await using var second = await RunningApi.StartAsync(sharedDatabase: first.Database);
        using var sameBrowser = browser.On(second);

        Assert.Equal("Roaming", (await sameBrowser.MeAsync()).GetProperty("tenant").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Created, (await sameBrowser.PostAsync("/api/v1/api-keys", new { name = "from the second instance", scopes = new[] { "read" } })).StatusCode);
    }
}
