using System.Net;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;

namespace Portal.Infrastructure;

/// <summary>
/// What the portal does not take on trust from a request: the proxy in front of it, the Host header,
/// and what a browser may do with the answer. Registered with <see cref="AddRequestHardening"/> and
/// placed first in the pipeline with <see cref="UseRequestHardening"/>.
/// </summary>
public static class RequestHardening
{
    public const string ForwardedHeadersSection = "Portal:ForwardedHeaders";

    private const string NonceKey = "portal:csp-nonce";
    private const string FramedBySelfKey = "portal:framed-by-self";

    /// <summary>
    /// Forwarded headers from the configured proxies only, and an antiforgery cookie marked Secure
    /// whenever the request came over TLS (directly or through a trusted proxy).
    /// </summary>
    public static IServiceCollection AddRequestHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // X-Forwarded-Host is not trusted: the host names the portal answers to are AllowedHosts.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var section = configuration.GetSection(ForwardedHeadersSection);
            var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
            var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
            if (proxies.Length > 0 || networks.Length > 0)
            {
                // Configured proxies replace the framework's default (loopback only).
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        // Problem details echo what was asked for ("“…” is not a download format"): keep < > & ' "
        // escaped in JSON, as the framework's default encoder would, while other scripts stay readable.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>
    /// Forwarded headers first (so HSTS and redirects see the visitor's scheme), then a last-resort
    /// error page, the Host check and the response headers every answer carries.
    /// </summary>
    public static WebApplication UseRequestHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // In Development the developer exception page (outside this pipeline) must see exceptions.
            app.Use(LastResortErrorPage);
        }
        app.Use(RejectUnusableHost);
        app.Use(AddResponseHeaders);
        return app;
    }

    /// <summary>
    /// Pages answer HEAD as they answer GET (same status and headers; Kestrel sends no body). Razor
    /// component endpoints accept only GET and POST by default.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder AnswerHeadLikeGet(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<ComponentTypeMetadata>().Any()
                && endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get)
                && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
            }
        });
        return builder;
    }

    /// <summary>The nonce that lets the page's own inline import map run under the Content-Security-Policy.</summary>
    public static string? CspNonce(HttpContext? context) => context?.Items[NonceKey] as string;

    /// <summary>
    /// The Content-Security-Policy. Scripts only from the portal itself; the one inline script Blazor
    /// writes (the import map) carries the per-response nonce. <c>style-src 'unsafe-inline'</c> is
    /// needed because MudBlazor sets style attributes on its components (sizes, positions of popovers
    /// and menus) and Blazor renders component <c>Style</c> parameters inline; style injection cannot
    /// run script, and script-src stays strict. <c>connect-src 'self'</c> covers the circuit's WebSocket.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// The Content-Security-Policy of a file the portal's own pages show in a frame (the uploaded PDF on the
    /// ingestion review screen): nothing may load from it but the browser's PDF viewer showing the file itself,
    /// and only the portal's own pages may frame it.
    /// </summary>
    public const string FramedFilePolicy = "default-src 'none'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    /// <summary>
    /// Lets the portal's own pages (and no one else) show this response in a frame: <see cref="FramedFilePolicy"/> and
    /// X-Frame-Options SAMEORIGIN instead of the pages' frame-ancestors 'none' and DENY. For files only, never pages.
    /// </summary>
    public static void AllowFramingBySelf(HttpContext context) => context.Items[FramedBySelfKey] = true;

    private static async Task LastResortErrorPage(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The exception handler's /error page failed too (or the error happened where it cannot
            // run): answer with a page that needs neither Blazor, the database nor the Host header.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestHardening))
                .LogError(e, "Unhandled exception; answered with the static error page");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(StaticErrorPage);
        }
    }

    private const string StaticErrorPage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error · UN Documents Portal</title></head>" +
        "<body><h1>Something went wrong</h1><p>The portal could not complete this request. Please try again; " +
        "if it keeps failing, tell the Secretariat the time it happened.</p><p><a href=\"/\">Home</a></p></body></html>";

    private static bool UsableHost(HttpContext context)
    {
        HostString host;
        try
        {
            host = context.Request.Host;
        }
        catch (ArgumentException)
        {
            // An "xn--" label that is not punycode: the framework cannot decode it.
            return false;
        }
        return host.HasValue && host.Value.Length <= 255 && Uri.TryCreate($"{context.Request.Scheme}://{host.Value}/", UriKind.Absolute, out _);
    }

    private static Task RejectUnusableHost(HttpContext context, RequestDelegate next)
    {
        // Blazor builds NavigationManager.BaseUri from the Host header; an empty or unparseable one
        // would throw inside every page, the error page included.
        if (!UsableHost(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("Bad request: the Host header is missing or not a valid host name.\n");
        }
        return next(context);
    }

    private static Task AddResponseHeaders(HttpContext context, RequestDelegate next)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: no characters HTML would encode
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Only the file itself (a 304 too: browsers update the cached file's headers from it); a problem
            // answer (404, 416) keeps the pages' policy.
            var framedBySelf = context.Items.ContainsKey(FramedBySelfKey)
                && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status206PartialContent or StatusCodes.Status304NotModified;
            headers.ContentSecurityPolicy = framedBySelf ? FramedFilePolicy : ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = framedBySelf ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                // Pages carry antiforgery tokens and circuit state and depend on who is asking: never
                // stored. Other answers without a policy of their own (files, problem details) may be
                // kept by the visitor's browser only, and revalidated.
                var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                headers.CacheControl = html ? "no-store" : "private, no-cache";
            }
            MakeRelative(context, Microsoft.Net.Http.Headers.HeaderNames.Location);
            MakeRelative(context, "blazor-enhanced-nav-redirect-location");
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// Redirects to the portal itself become relative: their absolute form is built from the Host
    /// header (Blazor's NavigationManager), which the visitor controls.
    /// </summary>
    private static void MakeRelative(HttpContext context, string header)
    {
        var value = context.Response.Headers[header].ToString();
        if (value.Length > 0
            && Uri.TryCreate(value, UriKind.Absolute, out var target)
            && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
            && string.Equals(target.Host, context.Request.Host.Host, StringComparison.OrdinalIgnoreCase))
        {
            var relative = target.PathAndQuery + target.Fragment;
            // "//evil.example" would be read as another host.
            context.Response.Headers[header] = relative.StartsWith("//", StringComparison.Ordinal) ? "/" + relative.TrimStart('/') : relative;
        }
    }
}
