using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Faultline.WebApi.Tests;

/// <summary>The Data Protection key ring in the catalog is encrypted with the configured certificate.</summary>
public sealed class DataProtectionKeyRingTests : IDisposable
{
    private const string Password = "key-ring-test-password";

    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"faultline-keyring-{Guid.NewGuid():N}.pfx");

    public DataProtectionKeyRingTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Faultline key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(_certificatePath, certificate.Export(X509ContentType.Pfx, Password));
    }

    [Fact]
    public async Task Stored_keys_are_encrypted_with_the_certificate_and_sessions_work_across_instances()
    {
        string[] settings = [$"--Faultline:DataProtection:CertificatePath={_certificatePath}", $"--Faultline:DataProtection:CertificatePassword={Password}"];
        await using var api = await RunningApi.StartAsync(settings: settings);
        using var owner = new ApiSession(api);
        await owner.SignUpAsync(Emails.New("keyring"));

        var keys = await api.Database.ScalarAsync<string>("SELECT string_agg(xml, '') FROM catalog.data_protection_keys");
        Assert.Contains("<encryptedSecret", keys, StringComparison.Ordinal);
        Assert.Contains("EncryptedXmlDecryptor", keys, StringComparison.Ordinal);
        // An unencrypted key ring holds the master key in the clear: <masterKey ...><value>base64</value>.
        Assert.DoesNotContain("<value>", keys, StringComparison.Ordinal);

        // A second instance with the same certificate decrypts the ring: the session cookie is valid there.
        await using var second = await RunningApi.StartAsync(sharedDatabase: api.Database, settings: settings);
        using var sameBrowser = owner.On(second);
        Assert.Equal(HttpStatusCode.OK, (await sameBrowser.GetAsync("/api/v1/me")).StatusCode);
    }

    public void Dispose() => File.Delete(_certificatePath);
}
