using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Alerts;

/// <summary>The <c>Portal:Alerts</c> section: how the alert worker paces itself.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Portal:Alerts";

    /// <summary>Time between the worker's passes (matching, digests, sending) when nothing wakes it sooner.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an instance holds a message it is sending before another may take it over; longer than a send can take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the first failed send; it doubles with every failure, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Sends tried before a message is given up (and logged as an error); kept in the outbox either way.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long the "manage your alerts" link in a message works; each message carries a fresh one.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan ManageLinkLifetime { get; set; } = TimeSpan.FromDays(90);
}
