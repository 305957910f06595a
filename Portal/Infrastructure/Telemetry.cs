using System.Diagnostics;
using System.Security.Claims;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Portal.Infrastructure;

/// <summary>
/// What the portal tells its operators: the request's trace, the signed-in user and the document a request concerns,
/// in every log line's scopes (console, text or JSON) and, when an OTLP endpoint is set, as OpenTelemetry traces,
/// metrics and logs.
/// </summary>
/// <remarks>
/// The user and document are tags on the request's <see cref="Activity"/> rather than logging scopes: a scope ends
/// with the block that opened it, while a tag lasts the whole request, reaches every later log line through
/// <see cref="ActivityTrackingOptions.Tags"/>, and is on the exported span too.
/// </remarks>
public static class Telemetry
{
    public const string ServiceName = "un-document-portal";

    /// <summary>The pseudonymous account id (never the e-mail address), as OpenTelemetry's semantic conventions name it.</summary>
    public const string UserIdTag = "enduser.id";

    public const string DocumentIdTag = "portal.document.id";

    /// <summary>The standard OpenTelemetry variable; when it is not set, no exporter is configured at all.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId | ActivityTrackingOptions.Tags);
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            return builder;
        }
        // UseOtlpExporter reads the endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* variables.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !HealthEndpoints.IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                // Npgsql's own spans: the PostgreSQL statements with their timings.
                .AddSource("Npgsql"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql"))
            .WithLogging(_ => { }, o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            })
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>Tags each request with the signed-in user (after authentication has run).</summary>
    public static WebApplication UseRequestTelemetry(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                Activity.Current?.SetTag(UserIdTag, userId);
            }
            return next(http);
        });
        return app;
    }

    /// <summary>Marks the current request as concerning one document, for its later log lines and its span.</summary>
    public static void TagDocument(int documentId) => Activity.Current?.SetTag(DocumentIdTag, documentId);
}
