using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Infrastructure;

/// <summary>
/// Renders document bodies. Raw HTML is disabled, so nothing inside a body can inject markup or
/// script; the pipeline is built once and shared (Markdig pipelines are thread-safe).
/// </summary>
public sealed partial class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    /// <summary>
    /// Renders a body. Footnote calls are written <c>[^N]</c> and become links to the footnote
    /// numbered N within <paramref name="footnoteScope"/>. Markdig's own footnote extension is not
    /// used because it renumbers footnotes per rendering and its ids collide when a letter and its
    /// annexes are shown on one page; UN footnotes keep the numbers the document gives them.
    /// </summary>
    public string Render(string? markdown, string footnoteScope = "doc")
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, _pipeline);
        NeutraliseUnsafeLinks(document);
        var html = document.ToHtml(_pipeline);
        return FootnoteCall().Replace(html, m =>
        {
            var n = m.Groups[1].Value;
            return $"<sup class=\"footnote-ref\"><a href=\"#{footnoteScope}-fn-{n}\" id=\"{footnoteScope}-fnref-{n}\" aria-label=\"Footnote {n}\">{n}</a></sup>";
        });
    }

    /// <summary>Renders a short text (a footnote, a title) without the surrounding paragraph.</summary>
    public string RenderInline(string? markdown)
    {
        var html = Render(markdown).Trim();
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
        {
            html = html[3..^4];
        }
        return html;
    }

    // DisableHtml stops raw tags, but Markdown links can still carry javascript: or data: URLs.
    private static void NeutraliseUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.Url = "#";
            }
        }
    }

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#') || !trimmed.Contains(':'))
        {
            return true;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    public static string FootnoteAnchor(string footnoteScope, int number) => $"{footnoteScope}-fn-{number}";

    public static string FootnoteCallAnchor(string footnoteScope, int number) => $"{footnoteScope}-fnref-{number}";

    [GeneratedRegex(@"\[\^(\d{1,3})\]")]
    private static partial Regex FootnoteCall();
}
