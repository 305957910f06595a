using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Api;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> on <c>/api</c>: the request is the token's account, and sees what
/// that account sees (the one access rule, <c>DocumentAccess.VisibleTo</c>, reads the same claims a sign-in
/// cookie carries). A token that is unknown, revoked or expired is refused with 401 and a problem saying
/// why, before the request reaches an endpoint. Without the header the API is read
/// as before: anonymously, or with the site's own sign-in cookie, which is <c>SameSite=Lax</c> and so never
/// sent on another site's requests (the API only reads, and its CORS policy allows no credentials).
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";

    /// <summary>The default scheme: the token for API requests that carry one, the sign-in cookie otherwise.</summary>
    public const string PortalScheme = "Portal";

    public static AuthenticationBuilder AddApiTokens(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddSingleton<ApiTokenService>();
        authentication.AddPolicyScheme(PortalScheme, null, options =>
            options.ForwardDefaultSelector = http => Carries(http.Request) ? Scheme : IdentityConstants.ApplicationScheme);
        return authentication.AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(Scheme, null);
    }

    /// <summary>Authenticates token-bearing API requests, refusing a bad token before any endpoint runs.</summary>
    public static WebApplication UseApiTokens(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (Carries(http.Request))
            {
                var result = await http.AuthenticateAsync(Scheme);
                if (!result.Succeeded)
                {
                    await RefuseAsync(http, result.Failure?.Message ?? "The API token could not be read.");
                    return;
                }
                http.User = result.Principal;
            }
            await next(http);
        });
        return app;
    }

    /// <summary>An API request with a bearer token.</summary>
    public static bool Carries(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && BearerHeader.Token(request) is not null;

    private static async Task RefuseAsync(HttpContext http, string reason)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await Results.Problem(detail: reason, statusCode: StatusCodes.Status401Unauthorized, title: "API token refused").ExecuteAsync(http);
    }

    /// <summary>Checks the token once per request (the result is kept for the authentication middleware's second look).</summary>
    private sealed class ApiTokenHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        ApiTokenService tokens, UserManager<PortalUser> users, IUserClaimsPrincipalFactory<PortalUser> principals)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private static readonly object ResultKey = new();

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Context.Items.TryGetValue(ResultKey, out var kept) && kept is AuthenticateResult known)
            {
                return known;
            }
            var result = await CheckAsync();
            Context.Items[ResultKey] = result;
            return result;
        }

        private async Task<AuthenticateResult> CheckAsync()
        {
            if (BearerHeader.Token(Request) is not { } token)
            {
                return AuthenticateResult.NoResult();
            }
            var check = await tokens.CheckAsync(token, Context.RequestAborted);
            if (check.Failure is { } failure)
            {
                return AuthenticateResult.Fail(failure);
            }
            var user = await users.FindByIdAsync(check.UserId!);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return AuthenticateResult.Fail("The account this API token belongs to is locked or removed.");
            }
            var principal = await principals.CreateAsync(user);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
            RefuseAsync(Context, "This request needs a valid API token.");
    }
}
