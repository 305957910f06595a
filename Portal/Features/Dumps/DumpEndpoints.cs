using Microsoft.Net.Http.Headers;
using Portal.Data.Entities;
using Portal.Features.Api;
using Portal.Infrastructure;
using Portal.Storage;

namespace Portal.Features.Dumps;

/// <summary>
/// The bulk dump at stable addresses: <c>/api/v1/dumps/latest.jsonl.gz</c> (the file), <c>/api/v1/dumps/latest.json</c>
/// (its manifest: SHA-256, size, record count) and <c>/api/v1/dumps</c> (the dumps kept); and the nightly writer.
/// </summary>
public static class DumpEndpoints
{
    public const string Prefix = ApiEndpoints.Prefix + "/dumps";
    public const string LatestFile = Prefix + "/latest.jsonl.gz";
    public const string LatestManifest = Prefix + "/latest.json";

    public static IServiceCollection AddPortalDumps(this IServiceCollection services)
    {
        services.AddOptions<DumpOptions>().BindConfiguration(DumpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BulkDumpWriter>();
        services.AddHostedService<NightlyDump>();
        return services;
    }

    public static IEndpointRouteBuilder MapDumpEndpoints(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var dumps = app.MapGroup(ApiEndpoints.Prefix)
            .RequireCors(PublicReadCors.Policy)
            .RequireRateLimiting(ClientLimits.ApiPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("Dumps");
        dumps.MapMethods("/dumps", methods, ListAsync).WithName("ListDumps")
            .WithSummary("The bulk dumps kept, newest first, each with its URL, SHA-256, size in bytes and record count.")
            .Produces<DumpList>();
        dumps.MapMethods("/dumps/latest.json", methods, LatestManifestAsync).WithName("GetLatestDumpManifest")
            .WithSummary("The manifest of the newest bulk dump: URL, SHA-256, size in bytes, record count.")
            .Produces<DumpManifest>();
        dumps.MapMethods("/dumps/latest.jsonl.gz", methods, LatestFileAsync).WithName("GetLatestDump")
            .WithSummary("The newest bulk dump: every public document's metadata, one JSON object per line, gzip-compressed; written nightly.")
            .Produces(StatusCodes.Status200OK, contentType: "application/gzip");
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, BulkDumpWriter writer)
    {
        var dumps = await writer.ListAsync(http.RequestAborted);
        var manifests = dumps.Select(d => Manifest(http, d)).ToList();
        return Results.Json(new DumpList(manifests.FirstOrDefault(), manifests));
    }

    private static async Task<IResult> LatestManifestAsync(HttpContext http, BulkDumpWriter writer) =>
        (await writer.ListAsync(http.RequestAborted)).FirstOrDefault() is { } latest ? Results.Json(Manifest(http, latest)) : NoDumpYet();

    private static async Task<IResult> LatestFileAsync(HttpContext http, BulkDumpWriter writer, IDocumentFileStore store)
    {
        if ((await writer.ListAsync(http.RequestAborted)).FirstOrDefault() is not { } latest)
        {
            return NoDumpYet();
        }
        var stream = await store.OpenReadAsync(latest.Sha256, http.RequestAborted);
        if (stream is null)
        {
            return ApiEndpoints.Problem(StatusCodes.Status503ServiceUnavailable, "Dump file missing",
                "The newest bulk dump is recorded but its file is not in the store; it will be written again tonight.");
        }
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(latest.Sha256))}:";
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Stream(stream, "application/gzip", FileName(latest), new DateTimeOffset(DateTime.SpecifyKind(latest.WrittenAt, DateTimeKind.Utc)),
            new EntityTagHeaderValue($"\"{latest.Sha256}\""), enableRangeProcessing: true);
    }

    private static DumpManifest Manifest(HttpContext http, BulkDump dump) =>
        new(RequestUrls.Absolute(http, LatestFile), dump.Sha256, dump.Length, dump.RecordCount,
            new DateTimeOffset(DateTime.SpecifyKind(dump.WrittenAt, DateTimeKind.Utc)), "application/jsonl+gzip");

    private static string FileName(BulkDump dump) => $"un-documents-{dump.WrittenAt:yyyyMMdd-HHmmss}.jsonl.gz";

    private static IResult NoDumpYet() =>
        ApiEndpoints.Problem(StatusCodes.Status404NotFound, "No dump yet", "No bulk dump has been written yet: the first is written the night after the portal holds public documents.");
}

/// <summary>Every instance looks now and then whether tonight's dump is due; the lease lets one of them write it.</summary>
public sealed class NightlyDump(BulkDumpWriter writer, Microsoft.Extensions.Options.IOptions<DumpOptions> options, TimeProvider clock, ILogger<NightlyDump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Nightly)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await writer.WriteAsync("nightly", onlyIfDue: true, cancellationToken: stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The nightly dump check failed; it is tried again in {Interval}.", options.Value.CheckInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
