using System.ComponentModel.DataAnnotations;
using Portal.Data.Entities;

namespace Portal.Features.Alerts;

/// <summary>
/// A subscribe form's fields. The small forms on agenda item, session and search pages post the same
/// names (<c>Input.Target</c>, <c>Input.Email</c>, <c>Input.En</c>, <c>Input.Frequency</c>) to <see cref="AlertPages.Subscribe"/>.
/// </summary>
public sealed class AlertInput
{
    [StringLength(AlertTargets.MaxValueLength + 10)]
    public string Target { get; set; } = "";

    [EmailAddress(ErrorMessage = "Enter an e-mail address, like name@example.org.")]
    [StringLength(256)]
    public string? Email { get; set; }

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
