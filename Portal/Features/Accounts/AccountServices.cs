using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Api;
using Portal.Infrastructure;
using Portal.Infrastructure.Mail;

namespace Portal.Features.Accounts;

/// <summary>
/// Accounts with ASP.NET Core Identity in the portal's database: cookie sign-in, two factors, lockout,
/// password rules, and the policies the Secretariat's pages require.
/// </summary>
public static class AccountServices
{
    /// <summary>Editors (and administrators) who have set up two-factor sign-in.</summary>
    public const string EditorPolicy = "Editor";

    /// <summary>Administrators who have set up two-factor sign-in.</summary>
    public const string AdministratorPolicy = "Administrator";

    /// <summary>Delegation focal points, who manage their own mission's accounts.</summary>
    public const string FocalPointPolicy = "FocalPoint";

    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountRedirects>();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
        {
            // The sign-in cookie, or for API requests that carry one, a personal API token.
            options.DefaultScheme = ApiTokenAuthentication.PortalScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddApiTokens().AddIdentityCookies();
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireRole(PortalRoles.Editor, PortalRoles.Administrator).RequireClaim(Viewer.TwoFactorClaim, "true"))
            .AddPolicy(AdministratorPolicy, p => p.RequireRole(PortalRoles.Administrator).RequireClaim(Viewer.TwoFactorClaim, "true"))
            .AddPolicy(FocalPointPolicy, p => p.RequireRole(PortalRoles.FocalPoint).RequireClaim(Viewer.MemberStateClaim));

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Accounts are created by administrators and focal points; the link that sets the first
                // password goes to the address, which confirms it.
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "portal.account";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = AccountPaths.SignIn;
            options.AccessDeniedPath = AccountPaths.AccessDenied;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        // A role taken away or a password reset reaches the cookies of open sessions within minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<AccountMail>();
        services.AddScoped<CreateAdminCommand>();
        services.AddScoped<DemoAccounts>();
        return services;
    }

    /// <summary>Sign-out (a form POST) and the rule that sends editors and administrators to two-factor set-up first.</summary>
    public static WebApplication UsePortalAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(TwoFactorRequirement.SendToSetUpFirst);
        return app;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The token is checked here rather than by form binding, whose failure would end in the error page.
        endpoints.MapPost(AccountPaths.SignOut, async (HttpContext http, IAntiforgery antiforgery, SignInManager<PortalUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form has expired",
                    detail: "Reload the page and sign out again.");
            }
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(SafeReturnUrl.From(form["returnUrl"]));
        });
        return endpoints;
    }
}
