using System.Diagnostics;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>The WebApi as a process of its own (to kill it, or to run a second Quartz scheduler of one cluster).</summary>
internal static class WebApiProcess
{
    public static Process Start(int port, TestDatabase database, params string[] settings)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Faultline.WebApi.dll");
        return Process.Start(new ProcessStartInfo("dotnet",
        [
            app, $"--urls=http://127.0.0.1:{port}", $"--ConnectionStrings:Postgres={database.ConnectionString}",
            $"--Redis:Configuration={TestStack.Redis}", $"--Redis:KeyPrefix=faultline-test:{database.Name}:",
            "--Faultline:Limits:SignUpsPerAddressPerHour=1000", "--Logging:LogLevel:Default=Warning",
            $"--Spa:RootPath={Path.Combine(AppContext.BaseDirectory, "no-spa")}",
            $"--Faultline:Classification:ModelsPath={TestStack.Models}",
            .. settings,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start the WebApi process.");
    }
}
