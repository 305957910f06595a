using System.ComponentModel.DataAnnotations;
using Portal.Data.Entities;

namespace Portal.Features.Alerts;

/// <summary>
/// A subscribe form's fields. The small forms on agenda item, session and search pages post the same
/// names (<c>Input.Target</c>, <c>Input.Email</c>, <c>Input.En</c>, <c>Input.Frequency</c>) to <see cref="AlertPages.Subscribe"/>.
/// </summary>
public sealed class AlertInput : AlertChoicesInput
{
    [StringLength(AlertTargets.MaxValueLength + 10)]
    public string Target { get; set; } = "";

    [EmailAddress(ErrorMessage = "Enter an e-mail address, like name@example.org.")]
    [StringLength(256)]
    public string? Email { get; set; }
}

/// <summary>A subscription's languages (none chosen: all) and frequency, as a form posts them.</summary>
public class AlertChoicesInput
{
    public AlertFrequency Frequency { get; set; }

    public bool Ar { get; set; }
    public bool Zh { get; set; }
    public bool En { get; set; }
    public bool Fr { get; set; }
    public bool Ru { get; set; }
    public bool Es { get; set; }

    public IReadOnlyList<string> Languages() =>
        [.. new[] { (Ar, "ar"), (Zh, "zh"), (En, "en"), (Fr, "fr"), (Ru, "ru"), (Es, "es") }.Where(l => l.Item1).Select(l => l.Item2)];
}

/// <summary>The alerts' pages.</summary>
public static class AlertPages
{
    public const string Subscribe = Catalogue.SiteUrls.AlertSubscribePath;
    public const string Mine = "/alerts";
}

/// <summary>The form of the pages that manage subscriptions: each row's choices, and the button pressed ("save:12", "pause:12", "resume:12", "remove:12").</summary>
public sealed class ManageAlertsInput
{
    [StringLength(40)]
    public string? Command { get; set; }

    public List<ManagedAlertInput> Rows { get; set; } = [];
}

/// <summary>One subscription's row on a manage page.</summary>
public sealed class ManagedAlertInput : AlertChoicesInput
{
    public long Id { get; set; }
}
