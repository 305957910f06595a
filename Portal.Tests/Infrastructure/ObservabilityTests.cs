using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// What operators see: JSON console logs whose lines carry the request, trace, user and document, and OpenTelemetry
/// traces, metrics and logs sent over OTLP only when an endpoint is configured. The log tests run the real program
/// (`dotnet Portal.dll`), because the console format is the process's output.
/// </summary>
public sealed partial class ObservabilityTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "portal-observability-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ObservabilityTests() => Directory.CreateDirectory(_dataPath);

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);

    [Fact]
    public async Task JsonConsoleLogsCarryTheRequestTheTraceTheUserAndTheDocument()
    {
        await using var portal = await ServingPortal.StartAsync([
            .. DemoPortal(),
            new("Logging__Console__FormatterName", "json"),
            new("Logging__Console__FormatterOptions__IncludeScopes", "true"),
            new("Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics", "Information"),
        ]);
        var accounts = await portal.WaitForLineAsync(l => l.Contains("delegate@armenia.demo.example", StringComparison.Ordinal), "demo accounts");
        var password = DelegatePassword().Match(accounts).Groups["password"].Value;
        using var client = new AccountClient(portal.BaseAddress);
        var signIn = await client.SignInAsync("delegate@armenia.demo.example", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/A/75/778")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/A/75/778/en.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sessions")).StatusCode);

        // Every line is one JSON object, the request log lines included.
        var page = await FinishedRequestAsync(portal, "/A/75/778");
        var download = await FinishedRequestAsync(portal, "/A/75/778/en.txt");
        var sessions = await FinishedRequestAsync(portal, "/sessions");
        foreach (var line in portal.Lines.Where(l => l.StartsWith('{')))
        {
            using var _ = JsonDocument.Parse(line);
        }

        var documentId = Scope(page, Telemetry.DocumentIdTag);
        Assert.NotNull(documentId);
        Assert.True(documentId.Value.GetInt32() > 0);
        Assert.Equal(documentId.Value.GetInt32(), Scope(download, Telemetry.DocumentIdTag)?.GetInt32());
        Assert.Null(Scope(sessions, Telemetry.DocumentIdTag));
        foreach (var line in new[] { page, download, sessions })
        {
            Assert.Matches("^[0-9a-f]{32}$", Scope(line, "TraceId")?.GetString());
            Assert.False(string.IsNullOrEmpty(Scope(line, "RequestId")?.GetString()));
            // The account's id, never its e-mail address.
            Assert.Matches("^[0-9a-f-]{36}$", Scope(line, Telemetry.UserIdTag)?.GetString());
            Assert.DoesNotContain("demo.example", line);
        }
        Assert.NotEqual(Scope(page, "TraceId")?.GetString(), Scope(download, "TraceId")?.GetString());
    }

    [Fact]
    public async Task AnOtlpEndpointReceivesTracesMetricsAndLogs()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var portal = await ServingPortal.StartAsync([
            .. DemoPortal(),
            new(Telemetry.OtlpEndpointSetting, collector.Address.ToString().TrimEnd('/')),
            new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            new("OTEL_BSP_SCHEDULE_DELAY", "200"),
            new("OTEL_BLRP_SCHEDULE_DELAY", "200"),
            new("OTEL_METRIC_EXPORT_INTERVAL", "500"),
        ]);
        using var http = new HttpClient { BaseAddress = portal.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/A/75/778", Cancel)).StatusCode);

        // OTLP/protobuf carries names and string values as UTF-8: the request span with its route and document tag,
        // EF Core's spans for its queries, ASP.NET Core's request metrics, and the portal's log records.
        await collector.WaitForAsync("/v1/traces", "/A/75/778");
        await collector.WaitForAsync("/v1/traces", Telemetry.DocumentIdTag);
        await collector.WaitForAsync("/v1/traces", "OpenTelemetry.Instrumentation.EntityFrameworkCore");
        await collector.WaitForAsync("/v1/traces", Telemetry.ServiceName);
        await collector.WaitForAsync("/v1/metrics", "http.server.request.duration");
        await collector.WaitForAsync("/v1/logs", "Demo accounts for this Development portal");
        // Health probes are not traced.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/A/75/778?probe-marker", Cancel)).StatusCode);
        await collector.WaitForAsync("/v1/traces", "probe-marker");
        Assert.False(collector.Received("/v1/traces", "/health/live"));
    }

    [Fact]
    public async Task WithoutAnEndpointNoTelemetryIsSetUp()
    {
        await using (var quiet = new PortalAppFactory())
        {
            Assert.Null(quiet.Services.GetService<TracerProvider>());
        }
        await using var exporting = new ExportingPortal();
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
    }

    private IEnumerable<KeyValuePair<string, string>> DemoPortal() =>
    [
        new("ASPNETCORE_ENVIRONMENT", "Development"),
        new("Portal__DataPath", _dataPath),
        new("ConnectionStrings__Portal", "Data Source=portal.db"),
        new("Portal__SeedDemoData", "true"),
        new("Portal__ApplyMigrationsAtStartup", "true"),
    ];

    private static Task<string> FinishedRequestAsync(ServingPortal portal, string path) =>
        portal.WaitForLineAsync(l => l.Contains("\"Request finished", StringComparison.Ordinal) && l.Contains($"{path} - 200", StringComparison.Ordinal),
            $"JSON log line for the end of GET {path}");

    /// <summary>A property of one of the line's scopes (the trace, the request, the activity's tags…).</summary>
    private static JsonElement? Scope(string line, string name)
    {
        using var json = JsonDocument.Parse(line);
        foreach (var scope in json.RootElement.GetProperty("Scopes").EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(name, out var value))
            {
                return value.Clone();
            }
        }
        return null;
    }

    [GeneratedRegex(@"delegate@armenia\.demo\.example\s+password (?<password>Demo-[a-z0-9]+-7Q)")]
    private static partial Regex DelegatePassword();

    private sealed class ExportingPortal : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new(Telemetry.OtlpEndpointSetting, "http://127.0.0.1:9")];
    }

    /// <summary>An OTLP/HTTP receiver on 127.0.0.1: keeps every export request's body by signal path.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

        private OtlpCollector(WebApplication app) => _app = app;

        public Uri Address { get; private set; } = null!;

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                collector._exports.Enqueue((http.Request.Path.Value!, body.ToArray()));
                http.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync(Cancel);
            collector.Address = new Uri(app.Urls.First());
            return collector;
        }

        public bool Received(string path, string text) =>
            _exports.Any(e => e.Path == path && e.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);

        public async Task WaitForAsync(string path, string text)
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!Received(path, text))
            {
                Assert.True(DateTime.UtcNow < deadline, $"No export to {path} contained “{text}” ({_exports.Count} exports received).");
                await Task.Delay(100, Cancel);
            }
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
