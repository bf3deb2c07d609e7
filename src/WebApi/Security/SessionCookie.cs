using System.Security.Claims;
using Faultline.Application.Accounts;
using Faultline.Domain.Authorization;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Faultline.WebApi.Security;

/// <summary>
/// The SPA's session: an HttpOnly, SameSite=Lax cookie holding only the session, user, tenant and
/// security stamp. The session's row, role and permissions are read from the database on every
/// request, so sign-out, the absolute lifetime and role changes apply at once.
/// </summary>
public static class SessionCookie
{
    public const string SchemeName = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "faultline.session";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(12);
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        options.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    public static async Task SignInAsync(HttpContext context, SessionGrant grant)
    {
        var mediator = context.RequestServices.GetRequiredService<IMediator>();
        var sessionId = await mediator.Send(new StartSession(grant.UserId, SessionIdOf(context.User)), context.RequestAborted);
        var claims = new List<Claim>
        {
            new(PrincipalClaims.SessionId, sessionId.ToString()),
            new(ClaimTypes.NameIdentifier, grant.UserId.ToString()),
            new(PrincipalClaims.SecurityStamp, grant.SecurityStamp.ToString()),
        };
        if (grant.TenantId is { } tenantId) claims.Add(new Claim(PrincipalClaims.TenantId, tenantId.ToString()));
        await context.SignInAsync(SchemeName, new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)));
    }

    /// <summary>Ends the caller's session server-side (when the request has one) and clears the cookie.</summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        if (SessionIdOf(context.User) is { } sessionId)
            await context.RequestServices.GetRequiredService<IMediator>().Send(new EndSession(sessionId), context.RequestAborted);
        await context.SignOutAsync(SchemeName);
    }

    private static Guid? SessionIdOf(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == SchemeName && Guid.TryParse(user.FindFirstValue(PrincipalClaims.SessionId), out var id) ? id : null;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        if (!Guid.TryParse(principal.FindFirstValue(PrincipalClaims.SessionId), out var sessionId)
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(PrincipalClaims.SecurityStamp), out var stamp))
        {
            await RejectAsync(context);
            return;
        }

        Guid? tenantId = Guid.TryParse(principal.FindFirstValue(PrincipalClaims.TenantId), out var id) ? id : null;
        var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
        var session = await mediator.Send(new ResolveSession(sessionId, userId, tenantId, stamp), context.HttpContext.RequestAborted);
        if (session is null)
        {
            await RejectAsync(context);
            return;
        }

        var claims = new List<Claim>
        {
            new(PrincipalClaims.SessionId, sessionId.ToString()),
            new(ClaimTypes.NameIdentifier, userId.ToString()),
            new(PrincipalClaims.SecurityStamp, stamp.ToString()),
            new(PrincipalClaims.Actor, session.Email),
        };
        // A user removed from the session's tenant keeps the session, but acts in no tenant.
        if (session.Role is { } role)
        {
            claims.Add(new Claim(PrincipalClaims.TenantId, tenantId!.Value.ToString()));
            claims.AddRange(PermissionMatrix.For(role).Select(p => new Claim(PrincipalClaims.Permission, p.Code)));
        }

        context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)));
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SchemeName);
    }
}
