using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;
using Portal.Domain;

namespace Portal.Infrastructure;

/// <summary>A UN symbol the text mentions, linked to its permalink (<c>/A/75/778</c>).</summary>
public sealed class SymbolLinkInline : LinkInline;

/// <summary>
/// Links every UN document symbol a body or footnote mentions ("A/75/778", "S/2021/177", "A/C.3/75/L.12/Rev.1")
/// to the portal's permalink for it. The link is resolved when it is followed, not when the text is saved: the
/// permalink shows the document once it is registered, and until then says the portal does not hold it and
/// links to undocs.org, so a later registration turns every mention into a working link without touching the
/// texts that cite it. Recognition is <see cref="UnSymbol"/>'s, with two guards against ordinary words with a
/// slash ("and/or", "HIV/AIDS", "TCP/IP"): the series is in capitals and some part has a digit.
/// </summary>
public sealed class SymbolLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<SymbolLinkParser>())
        {
            // Before the emphasis and autolink parsers see the same capitals.
            pipeline.InlineParsers.Insert(0, new SymbolLinkParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}

public sealed partial class SymbolLinkParser : InlineParser
{
    public SymbolLinkParser() => OpeningCharacters = [.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var previous = slice.PeekCharExtra(-1);
        if (char.IsAsciiLetterOrDigit(previous) || previous is '/' or '.' or '_' or '@' or ':' or '#' or '=' or '&' or '?' or '%')
        {
            return false;
        }
        var match = Shape().Match(slice.Text, slice.Start, slice.Length);
        if (!match.Success)
        {
            return false;
        }
        var text = match.Value.TrimEnd('.');
        if (!text.Any(char.IsAsciiDigit) || !UnSymbol.TryParse(text, out var symbol))
        {
            return false;
        }
        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        var link = new SymbolLinkInline
        {
            Url = "/" + string.Join('/', symbol.Value.Split('/').Select(Uri.EscapeDataString)),
            IsClosed = true,
            Span = new Markdig.Syntax.SourceSpan(start, start + text.Length - 1),
            Line = line,
            Column = column,
        };
        link.AppendChild(new LiteralInline(text));
        link.GetAttributes().AddClass("symbol-link");
        processor.Inline = link;
        slice.Start += text.Length;
        return true;
    }

    // A capitalised series, then slash-separated parts of letters, digits and dots ("C.3", "L.12", "Rev.1").
    [GeneratedRegex(@"\G[A-Z]{1,10}(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+")]
    private static partial Regex Shape();
}
