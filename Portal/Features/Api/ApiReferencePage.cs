using Portal.Infrastructure;
using Scalar.AspNetCore;

namespace Portal.Features.Api;

/// <summary>
/// The browsable API reference at <c>/api/reference/</c>: Scalar's page over the OpenAPI document. Scalar ships its
/// script inside the package and serves it from here, so nothing loads from a CDN; its default web fonts, telemetry,
/// developer toolbar (links to Scalar's own services), AI agent and MCP links are off; every tag is open, so the
/// page lists every operation at once, and its inline start-up script carries the response's CSP nonce.
/// </summary>
public static class ApiReferencePage
{
    public const string Path = "/api/reference";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, (options, http) =>
        {
            options.WithTitle("UN Documents Portal API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .ExpandAllTags()
                .HideDeveloperTools()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                // Scalar's faintest text (search placeholder, client tabs) and its code samples' literals fall below WCAG AA
                // contrast (axe); a shade darker (lighter in dark mode) passes.
                .WithCustomCss(".light-mode, :root { --scalar-color-3: #595959; } .dark-mode { --scalar-color-3: #b3b3b3; } "
                    + ".light-mode .hljs-literal { color: #8f3b00; } .dark-mode .hljs-literal { color: #ffb77a; }");
            if (RequestHardening.CspNonce(http) is { } nonce)
            {
                options.WithNonce(nonce);
                // Scalar's page template has no lang attribute; screen readers need it to pick the voice.
                options.AddHeadContent($"<script nonce=\"{nonce}\">document.documentElement.lang = 'en';</script>");
            }
        });
        return app;
    }
}
