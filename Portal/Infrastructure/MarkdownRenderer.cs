using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Infrastructure;

/// <summary>
/// Renders document bodies. Raw HTML is disabled, images become their alt text and only http(s),
/// mailto and same-site links survive, so nothing inside a body can inject markup or script or make
/// a browser (or the PDF printer) fetch anything; the pipeline is built once and shared (Markdig
/// pipelines are thread-safe).
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Use<FootnoteCallExtension>()
        .Use<SymbolLinkExtension>()
        .Build();

    /// <summary>
    /// Renders a body. Footnote calls are written <c>[^N]</c> and become links to the footnote
    /// numbered N within <paramref name="footnoteScope"/>. The calls are found while parsing (see
    /// <see cref="FootnoteCallParser"/>), never by editing the finished HTML, so a <c>[^N]</c> in code
    /// or in a link title stays text. UN footnotes keep the numbers the document gives them, and the
    /// scope keeps ids apart when a letter and its annexes are shown on one page. A call's name for screen
    /// readers is <paramref name="footnoteCallLabel"/> with the number in <c>{0}</c>, in the text's language.
    /// </summary>
    public string Render(string? markdown, string footnoteScope = "doc", string footnoteCallLabel = "Footnote {0}")
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, Pipeline);
        // A symbol inside a link's own text stays text: links do not nest.
        foreach (var nested in document.Descendants<SymbolLinkInline>().Where(l => l.Parent?.FirstParentOfType<LinkInline>() is not null).ToList())
        {
            Unwrap(nested);
        }
        ApplyLinkPolicy(document);
        foreach (var call in document.Descendants<FootnoteCallInline>())
        {
            call.Scope = footnoteScope;
            call.Label = string.Format(CultureInfo.InvariantCulture, footnoteCallLabel, call.Number);
            call.InsideLink = call.FirstParentOfType<LinkInline>() is not null;
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>
    /// Every UN symbol the text mentions, each once, in order: exactly the symbols <see cref="Render"/> links
    /// (a symbol in code stays text), and also those inside a link's own text, which are cited though not linked.
    /// <see cref="Data.TextCitationIndex"/> stores them as the text's citations.
    /// </summary>
    public static IReadOnlyList<Domain.UnSymbol> CitedSymbols(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }
        var cited = new List<Domain.UnSymbol>();
        foreach (var link in Markdown.Parse(markdown, Pipeline).Descendants<SymbolLinkInline>())
        {
            if (link.FirstChild is LiteralInline literal && Domain.UnSymbol.TryParse(literal.Content.ToString(), out var symbol)
                && !cited.Any(c => c.Key == symbol.Key))
            {
                cited.Add(symbol);
            }
        }
        return cited;
    }

    /// <summary>
    /// The body's top-level blocks (paragraphs, headings, lists, tables) as Markdown, in order: the units the
    /// side-by-side view aligns, since the language versions of a UN document keep the same paragraphs.
    /// </summary>
    public IReadOnlyList<string> Blocks(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }
        return Markdown.Parse(markdown, Pipeline)
            .Where(block => block.Span.Length > 0)
            .Select(block => markdown.Substring(block.Span.Start, block.Span.Length))
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .ToList();
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

    // DisableHtml stops raw tags, but Markdown links and images still carry URLs. Images are never
    // fetched: the PDF printer would resolve "/etc/passwd" or "http://169.254.169.254/" on the server,
    // and a remote image leaks readers' addresses. UN bodies have no images, so an image becomes
    // its alt text. Links pass only if IsAllowedLinkUrl says so; others become their text.
    private static void ApplyLinkPolicy(MarkdownDocument document)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            image.ReplaceBy(new LiteralInline(PlainText(image)), copyChildren: false);
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsAllowedLinkUrl(link.Url))
            {
                Unwrap(link);
                continue;
            }
            link.GetDynamicUrl = null;
            if (IsExternal(link.Url!))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail ? !IsAllowedLinkUrl("mailto:" + autolink.Url) : !IsAllowedLinkUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
            else if (!autolink.IsEmail && IsExternal(autolink.Url))
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
            }
        }
    }

    private const string ExternalRel = "noopener noreferrer nofollow";

    private static bool IsExternal(string url) => url.StartsWith("http", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for <c>http://</c>, <c>https://</c> and <c>mailto:</c> URLs, same-site paths (one
    /// <c>/</c> then something else) and fragments. Everything else is refused, including
    /// protocol-relative <c>//host</c>, any backslash (browsers read <c>/\host</c> as <c>//host</c>), and
    /// control or whitespace characters, which browsers strip from schemes (<c>java&#9;script:</c>).
    /// Markdig has already decoded entities and backslash escapes in <paramref name="url"/>.
    /// </summary>
    public static bool IsAllowedLinkUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(IsForbiddenUrlChar))
        {
            return false;
        }
        if (url[0] == '#')
        {
            return true;
        }
        if (url[0] == '/')
        {
            return url.Length > 1 && url[1] != '/';
        }
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return url.Length > "mailto:".Length;
        }
        return (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Length > 0;
    }

    private static bool IsForbiddenUrlChar(char c) =>
        c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    // Moves a link's text to where the link was and drops the link.
    private static void Unwrap(ContainerInline container)
    {
        var child = container.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            container.InsertBefore(child);
            child = next;
        }
        container.Remove();
    }

    // The text an image stands for, as its alt attribute would show it (a footnote call stays "[^N]").
    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                FootnoteCallInline call => $"[^{call.Number}]",
                AutolinkInline autolink => autolink.Url,
                LineBreakInline => " ",
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                _ => "",
            });
        }
        return text.ToString();
    }

    public static string FootnoteAnchor(string footnoteScope, int number) => $"{footnoteScope}-fn-{number}";

    public static string FootnoteCallAnchor(string footnoteScope, int number) => $"{footnoteScope}-fnref-{number}";
}
