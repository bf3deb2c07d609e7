using Faultline.Application.Common.Interfaces;

namespace Faultline.Infrastructure.Notifications;

/// <summary>Links built on Faultline:PublicBaseUrl, the address people reach the SPA at.</summary>
internal sealed class ConfiguredPublicLinks(string baseUrl) : IPublicLinks
{
    public string To(string pathAndQuery) => baseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}
