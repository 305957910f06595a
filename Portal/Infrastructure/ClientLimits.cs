using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure;

/// <summary>
/// The <c>Portal:Limits</c> configuration section: how much of the server one client address may hold.
/// An open page holds a Blazor circuit (its components and state, in server memory) over one
/// long-lived connection to <c>/_blazor</c>, so the number of those connections per address is limited;
/// every other request counts against a token bucket per address. A delegation behind one NAT shares an
/// address, so the defaults are generous; a reverse proxy must forward the client address (forwarded
/// headers), or every visitor is one client.
/// </summary>
public sealed class ClientLimitsOptions
{
    public const string SectionName = "Portal:Limits";

    /// <summary>Open interactive connections (one per open page or tab) per client address. Default 200.</summary>
    [Range(1, 1_000_000)]
    public int CircuitsPerClient { get; set; } = 200;

    /// <summary>Other requests per client address and minute (pages, files, searches); 0 turns the limit off. Default 60,000.</summary>
    [Range(0, 10_000_000)]
    public int RequestsPerMinutePerClient { get; set; } = 60_000;

    /// <summary>
    /// Requests to the open API (<c>/api/v1</c>) per anonymous client address and minute, on top of the
    /// general limit: programs can ask far faster than people. Default 1,200; 0 turns it off.
    /// </summary>
    [Range(0, 10_000_000)]
    public int ApiRequestsPerMinutePerClient { get; set; } = 1_200;

    /// <summary>
    /// Requests to the open API per personal API token and minute, instead of the anonymous budget above
    /// (the general per-address limit still applies). Default 12,000; 0 turns it off.
    /// </summary>
    [Range(0, 10_000_000)]
    public int ApiRequestsPerMinutePerToken { get; set; } = 12_000;

    /// <summary>The <c>Retry-After</c> a refused client is given when the limiter cannot say, in seconds. Default 30.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>
    /// How long a circuit whose connection dropped is kept for the page to reconnect (Blazor's default is
    /// 3 minutes). A tab closed normally ends its circuit at once; this covers lost connections. Default 1 minute.
    /// </summary>
    public TimeSpan DisconnectedCircuitRetention { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many disconnected circuits are kept at once, the oldest dropped first (Blazor's default is 100). Default 50.</summary>
    [Range(0, 100_000)]
    public int DisconnectedCircuitMaxRetained { get; set; } = 50;

    /// <summary>Render batches a slow client may leave unacknowledged before the circuit waits for it (Blazor's default is 10). Default 5.</summary>
    [Range(1, 100)]
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 5;
}

public static class ClientLimits
{
    private const string HubPath = "/_blazor";

    /// <summary>The rate-limiting policy of the open API's endpoints (<see cref="ClientLimitsOptions.ApiRequestsPerMinutePerClient"/>).</summary>
    public const string ApiPolicy = "api";

    /// <summary>Binds <see cref="ClientLimitsOptions"/>, applies them to Blazor's circuits and sets up the per-address limiter.</summary>
    public static IServiceCollection AddPortalClientLimits(this IServiceCollection services)
    {
        services.AddOptions<ClientLimitsOptions>()
            .BindConfiguration(ClientLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<CircuitOptions>().Configure<IOptions<ClientLimitsOptions>>((circuits, limits) =>
        {
            circuits.DisconnectedCircuitRetentionPeriod = limits.Value.DisconnectedCircuitRetention;
            circuits.DisconnectedCircuitMaxRetained = limits.Value.DisconnectedCircuitMaxRetained;
            circuits.MaxBufferedUnacknowledgedRenderBatches = limits.Value.MaxBufferedUnacknowledgedRenderBatches;
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (bool Circuit, string Client)>(Partition);
            options.OnRejected = RejectAsync;
            options.AddPolicy<(bool, string), ApiRateLimitPolicy>(ApiPolicy);
        });
        return services;
    }

    /// <summary>The limiter, before anything that does work for the request.</summary>
    public static WebApplication UsePortalClientLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The connection that carries a circuit: <c>GET /_blazor?id=…</c> (WebSocket, server-sent events or a long poll), not the negotiation.</summary>
    private static bool IsCircuitConnection(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(HubPath, StringComparison.OrdinalIgnoreCase);

    private static RateLimitPartition<(bool, string)> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<ClientLimitsOptions>>().Value;
        var client = ClientAddress(context);
        if (IsCircuitConnection(context.Request))
        {
            return RateLimitPartition.GetConcurrencyLimiter((true, client), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.CircuitsPerClient,
                QueueLimit = 0,
            });
        }
        if (limits.RequestsPerMinutePerClient == 0)
        {
            return RateLimitPartition.GetNoLimiter((false, ""));
        }
        // A tenth of the minute's budget every 6 seconds: short bursts pass, a steady flood is held to the rate.
        return RateLimitPartition.GetTokenBucketLimiter((false, client), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RequestsPerMinutePerClient,
            TokensPerPeriod = Math.Max(1, limits.RequestsPerMinutePerClient / 10),
            ReplenishmentPeriod = TimeSpan.FromSeconds(6),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>The client address requests are counted under.</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? Normalize(address) : "unknown";

    // IPv4 clients on a dual-stack socket arrive as ::ffff:a.b.c.d; one address, one partition.
    private static string Normalize(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var limits = context.RequestServices.GetRequiredService<IOptions<ClientLimitsOptions>>().Value;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : limits.RetryAfterSeconds;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        var message = IsCircuitConnection(context.Request)
            ? $"Too many open portal pages from your network address: at most {limits.CircuitsPerClient} can be live at once. Close some portal tabs, or try again in {retryAfter} seconds."
            : $"Too many requests from your network address: at most {limits.RequestsPerMinutePerClient} a minute. Please try again in {retryAfter} seconds.";
        await context.Response.WriteAsync(message, cancellationToken);
    }
}

/// <summary>
/// The open API's own budget per anonymous client address: a token bucket like the general one, refused with
/// 429, <c>Retry-After</c> and a problem+json body a program can read. A request with a personal API token
/// (<c>Authorization: Bearer</c>) counts against that token's own, larger budget instead; the limiter runs before
/// the token is checked, so the bucket is keyed by the token's hash, and a made-up token is then refused with 401.
/// The general per-address limit applies to everyone.
/// </summary>
public sealed class ApiRateLimitPolicy(IOptions<ClientLimitsOptions> options) : IRateLimiterPolicy<(bool, string)>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<(bool, string)> GetPartition(HttpContext httpContext)
    {
        var bearer = BearerHeader.Token(httpContext.Request);
        var perMinute = bearer is null ? options.Value.ApiRequestsPerMinutePerClient : options.Value.ApiRequestsPerMinutePerToken;
        if (perMinute == 0)
        {
            return RateLimitPartition.GetNoLimiter((false, ""));
        }
        var key = bearer is null ? ClientLimits.ClientAddress(httpContext) : "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(bearer)));
        return RateLimitPartition.GetTokenBucketLimiter((true, key), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, perMinute / 10),
            ReplenishmentPeriod = TimeSpan.FromSeconds(6),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : options.Value.RetryAfterSeconds;
        var limit = BearerHeader.Token(context.Request) is null
            ? $"Too many API requests from your network address: at most {options.Value.ApiRequestsPerMinutePerClient} a minute."
            : $"Too many API requests with this token: at most {options.Value.ApiRequestsPerMinutePerToken} a minute.";
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            detail: $"{limit} Please try again in {retryAfter} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context);
    }
}
