using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Infrastructure;

/// <summary>
/// Renders document bodies. Raw HTML is disabled, so nothing inside a body can inject markup or
/// script; the pipeline is built once and shared (Markdig pipelines are thread-safe).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Use<FootnoteCallExtension>()
        .Build();

    /// <summary>
    /// Renders a body. Footnote calls are written <c>[^N]</c> and become links to the footnote
    /// numbered N within <paramref name="footnoteScope"/>. The calls are found while parsing (see
    /// <see cref="FootnoteCallParser"/>), never by editing the finished HTML, so a <c>[^N]</c> in code
    /// or in a link title stays text. UN footnotes keep the numbers the document gives them, and the
    /// scope keeps ids apart when a letter and its annexes are shown on one page.
    /// </summary>
    public string Render(string? markdown, string footnoteScope = "doc")
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, _pipeline);
        NeutraliseUnsafeLinks(document);
        foreach (var call in document.Descendants<FootnoteCallInline>())
        {
            call.Scope = footnoteScope;
            call.InsideLink = call.FirstParentOfType<LinkInline>() is not null;
        }
        return document.ToHtml(_pipeline);
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
}
