namespace Faultline.Application.Common.Interfaces;

/// <summary>Absolute links into the SPA for e-mails (configured public base URL).</summary>
public interface IPublicLinks
{
    string To(string pathAndQuery);
}
