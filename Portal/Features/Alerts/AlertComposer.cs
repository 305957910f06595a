using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Catalogue;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;
using Portal.Localization;

namespace Portal.Features.Alerts;

/// <summary>
/// Writes the messages: the confirmation request, and alerts and digests that list each document with
/// direct links to its page and files in the subscriber's languages, plain text and HTML, with the
/// unsubscribe link. Only documents and versions the subscriber may see are ever written in.
/// </summary>
public sealed class AlertComposer(IOptions<PortalOptions> options, AlertManageLinks manageLinks)
{
    private sealed record ListedVersion(VersionFiles Files, string Language);

    private sealed record ListedDocument(int Id, IReadOnlyList<string> Symbols, string Title, IReadOnlyList<VersionFiles> Versions);

    public string BaseUrl(AlertSubscription subscription) =>
        (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? subscription.SiteUrl : options.Value.PublicBaseUrl).TrimEnd('/');

    public static string ConfirmPath(string token) => $"/alerts/confirm/{token}";

    public static string UnsubscribePath(string token) => $"/alerts/unsubscribe/{token}";

    public static string OneClickUnsubscribePath(string token) => $"/alerts/unsubscribe/{token}/one-click";

    /// <summary>The signed link to every subscription of the message's address, fresh in each message.</summary>
    private string ManageUrl(AlertSubscription subscription, string site) => site + AlertManageLinks.Path(manageLinks.Create(subscription.Email));

    public AlertMessage Confirmation(AlertSubscription subscription, DateTime now)
    {
        using var messageLanguage = MessageLanguage.Use(subscription.InterfaceLanguage);
        var site = BaseUrl(subscription);
        var target = new AlertTargetValue(subscription.Target, subscription.TargetValue);
        var link = site + ConfirmPath(subscription.Token);
        var what = $"{target.Description} ({FrequencyWords(subscription.Frequency)}, {LanguageWords(subscription.Languages)})";
        var manage = ManageUrl(subscription, site);
        var manageWords = InterfaceText.Get("AlertManageYourAlerts");
        var text = $"""
            {InterfaceText.Format("AlertMailConfirmIntro", what)}

            {InterfaceText.Get("AlertMailConfirmHere")}
            {link}

            {InterfaceText.Get("AlertMailConfirmIgnore")}

            {manageWords}: {manage}
            """;
        var html = $"""
            <p>{Html(InterfaceText.Format("AlertMailConfirmIntro", what))}</p>
            <p><a href="{Html(link)}">{Html(InterfaceText.Get("AlertMailConfirmLink"))}</a></p>
            <p>{Html(InterfaceText.Get("AlertMailConfirmIgnore"))}</p>
            <hr><p style="font-size:.9em"><a href="{Html(manage)}">{Html(manageWords)}</a></p>
            """;
        return NewMessage(subscription, AlertMessageKind.Confirmation, InterfaceText.Get("AlertMailConfirmSubject"), text, html, null, now);
    }

    /// <summary>An alert (one document) or a digest (several); null when the subscriber may see none of them in a chosen language.</summary>
    public async Task<AlertMessage?> ComposeAsync(PortalDbContext db, AlertSubscription subscription, Viewer viewer, IReadOnlyCollection<int> documentIds,
        AlertMessageKind kind, DateTime now, CancellationToken cancellationToken)
    {
        var documents = await ListAsync(db, subscription, viewer, documentIds, cancellationToken);
        if (documents.Count == 0)
        {
            return null;
        }
        using var messageLanguage = MessageLanguage.Use(subscription.InterfaceLanguage);
        var site = BaseUrl(subscription);
        var target = new AlertTargetValue(subscription.Target, subscription.TargetValue);
        var subject = kind == AlertMessageKind.Digest
            ? InterfaceText.Format(subscription.Frequency == AlertFrequency.Weekly ? "AlertMailWeeklyDigest" : "AlertMailDailyDigest", Plurals.Documents(documents.Count), target.Description)
            : InterfaceText.Format("AlertMailNewDocument", (documents[0].Symbols.Count > 0 ? UnSymbol.Join(documents[0].Symbols) + " – " : "") + documents[0].Title);
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.AppendLine(InterfaceText.Format("AlertMailNewFor", target.Description)).AppendLine();
        html.AppendLine($"<p>{Html(InterfaceText.Format("AlertMailNewFor", target.Description))}</p>");
        foreach (var document in documents)
        {
            var symbol = UnSymbol.Join(document.Symbols);
            var page = site + SiteUrls.Document(document.Id, document.Symbols);
            text.AppendLine(symbol.Length > 0 ? $"{symbol}: {document.Title}" : document.Title).AppendLine(page);
            html.AppendLine($"<h2 style=\"font-size:1.1em\"><a href=\"{Html(page)}\">{Html(symbol.Length > 0 ? symbol : document.Title)}</a></h2>");
            if (symbol.Length > 0)
            {
                html.AppendLine($"<p>{Html(document.Title)}</p>");
            }
            html.AppendLine("<ul>");
            foreach (var version in document.Versions)
            {
                var language = UnLanguage.FromCode(version.Language);
                var links = Links(version, site);
                var name = InterfaceLanguage.NameOf(language);
                text.AppendLine($"  {name}: " + string.Join("  ", links.Select(l => $"{l.Label} {l.Url}")));
                // Only the language's own name is in that language; the rest of the line is in the mail's.
                html.AppendLine($"<li>{Html(name)} (<span lang=\"{language.Code}\" dir=\"{language.Direction}\">{Html(language.NativeName)}</span>): "
                    + string.Join(" · ", links.Select(l => $"<a href=\"{Html(l.Url)}\">{Html(l.Label)}</a>")) + "</li>");
            }
            html.AppendLine("</ul>");
            text.AppendLine();
        }
        var unsubscribe = site + UnsubscribePath(subscription.Token);
        var why = InterfaceText.Format("AlertMailWhy", target.Description, FrequencyWords(subscription.Frequency), LanguageWords(subscription.Languages));
        var leave = InterfaceText.Get("AlertMailUnsubscribe");
        var manage = ManageUrl(subscription, site);
        var manageWords = InterfaceText.Get("AlertManageYourAlerts");
        text.AppendLine(why).AppendLine($"{leave}: {unsubscribe}").AppendLine($"{manageWords}: {manage}");
        html.AppendLine($"<hr><p style=\"font-size:.9em\">{Html(why)} <a href=\"{Html(unsubscribe)}\">{Html(leave)}</a> · <a href=\"{Html(manage)}\">{Html(manageWords)}</a></p>");
        return NewMessage(subscription, kind, subject, text.ToString(), html.ToString(), site + OneClickUnsubscribePath(subscription.Token), now);
    }

    private static async Task<List<ListedDocument>> ListAsync(PortalDbContext db, AlertSubscription subscription, Viewer viewer,
        IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken)
    {
        var languages = AlertLanguages.Parse(subscription.Languages);
        var ids = documentIds.ToList();
        var versions = await VersionFiles.Project(VersionFiles.Visible(db, viewer)
                .Where(v => ids.Contains(v.DocumentId) && (languages.Count == 0 || languages.Contains(v.Language))))
            .ToListAsync(cancellationToken);
        return [.. versions.GroupBy(v => v.DocumentId)
            .OrderBy(g => ids.IndexOf(g.Key))
            .Select(g =>
            {
                var ordered = g.OrderBy(v => UnLanguage.OrderOf(v.Language)).ToList();
                var title = (ordered.FirstOrDefault(v => v.Language == UnLanguage.English.Code) ?? ordered[0]).Title;
                return new ListedDocument(g.Key, ordered[0].Symbols, title, ordered);
            })];
    }

    private static List<(string Label, string Url)> Links(VersionFiles version, string site)
    {
        var links = new List<(string, string)> { (InterfaceText.Get("AlertMailPage"), site + SiteUrls.Document(version.DocumentId, version.Symbols, version.Language)) };
        foreach (var (format, label) in new[] { (DownloadFormat.Pdf, "PDF"), (DownloadFormat.Docx, "Word"), (DownloadFormat.Original, InterfaceText.Get("AlertMailOriginalFile")) })
        {
            if (version.Offers(format))
            {
                links.Add((label, site + version.Url(format)));
            }
        }
        return links;
    }

    private static AlertMessage NewMessage(AlertSubscription subscription, AlertMessageKind kind, string subject, string text, string html, string? unsubscribe, DateTime now) => new()
    {
        Subscription = subscription,
        SubscriptionId = subscription.Id,
        Kind = kind,
        To = subscription.Email,
        Subject = subject.Length > 500 ? subject[..497] + "..." : subject,
        TextBody = text,
        HtmlBody = $"<!DOCTYPE html><html><body style=\"font-family:sans-serif\">{html}</body></html>",
        UnsubscribeUrl = unsubscribe,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>How often, in the current interface language.</summary>
    public static string FrequencyWords(AlertFrequency frequency) => InterfaceText.Get(frequency switch
    {
        AlertFrequency.Daily => "AlertMailDaily",
        AlertFrequency.Weekly => "AlertMailWeekly",
        _ => "AlertMailAsPublished",
    });

    public static string LanguageWords(string languages)
    {
        var codes = AlertLanguages.Parse(languages);
        return codes.Count == 0 ? InterfaceText.Get("AlertMailAllLanguages") : string.Join(", ", codes.Select(c => InterfaceLanguage.NameOf(UnLanguage.FromCode(c))));
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>The languages a subscription chose, stored as "en,fr" (empty for all).</summary>
public static class AlertLanguages
{
    public static IReadOnlyList<string> Parse(string? stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => UnLanguage.TryParse(c, out _)).Select(c => UnLanguage.FromCode(c).Code).Distinct().OrderBy(UnLanguage.OrderOf)];

    public static string Format(IEnumerable<string> codes) => string.Join(',', Parse(string.Join(',', codes)));
}

/// <summary>
/// Writes a message in its subscriber's interface language: the resource files are read through the current
/// UI culture, which this sets for the composing thread and puts back afterwards (the worker serves everyone).
/// </summary>
public sealed class MessageLanguage : IDisposable
{
    private readonly System.Globalization.CultureInfo _ui = System.Globalization.CultureInfo.CurrentUICulture;
    private readonly System.Globalization.CultureInfo _formatting = System.Globalization.CultureInfo.CurrentCulture;

    private MessageLanguage(UnLanguage language)
    {
        System.Globalization.CultureInfo.CurrentUICulture = InterfaceLanguage.InterfaceCulture(language);
        System.Globalization.CultureInfo.CurrentCulture = InterfaceLanguage.FormattingCulture(language);
    }

    public static MessageLanguage Use(string? code) => new(UnLanguage.TryParse(code ?? "", out var language) ? language : UnLanguage.English);

    public void Dispose()
    {
        System.Globalization.CultureInfo.CurrentUICulture = _ui;
        System.Globalization.CultureInfo.CurrentCulture = _formatting;
    }
}
