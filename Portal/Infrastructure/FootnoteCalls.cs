using System.Globalization;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Infrastructure;

/// <summary>
/// A footnote call <c>[^N]</c> in running text. It is found by the inline parser, so a <c>[^N]</c>
/// inside a code span, a code block or a link title is never one: those are not parsed as inlines.
/// </summary>
public sealed class FootnoteCallInline : LeafInline
{
    public int Number { get; init; }

    /// <summary>Prefix for the anchors, set by <see cref="MarkdownRenderer"/> after parsing.</summary>
    public string Scope { get; set; } = "doc";

    /// <summary>The call's name for screen readers ("Footnote 3", "脚注3"), set by <see cref="MarkdownRenderer"/>.</summary>
    public string Label { get; set; } = "";

    /// <summary>True inside a link's text, where a second anchor would nest inside the first.</summary>
    public bool InsideLink { get; set; }
}

/// <summary>
/// Parses <c>[^N]</c> with one to three digits, the footnote numbers the document itself gives.
/// Markdig's footnote extension is not used: UN footnotes are stored apart from the body (the
/// Footnotes table) and keep their own numbers, while the extension wants definitions in the same
/// text and numbers them itself.
/// </summary>
public sealed class FootnoteCallParser : InlineParser
{
    public FootnoteCallParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var index = start + 1;
        if (index > slice.End || text[index] != '^')
        {
            return false;
        }
        var digitsStart = ++index;
        while (index <= slice.End && index - digitsStart <= 3 && char.IsAsciiDigit(text[index]))
        {
            index++;
        }
        var digits = index - digitsStart;
        if (digits is 0 or > 3 || index > slice.End || text[index] != ']')
        {
            return false;
        }
        processor.Inline = new FootnoteCallInline
        {
            Number = int.Parse(text.AsSpan(digitsStart, digits), CultureInfo.InvariantCulture),
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(index)),
            Line = line,
            Column = column,
        };
        slice.Start = index + 1;
        return true;
    }
}

/// <summary>Writes a call as a superscript link to its note; the note links back by the call's id.</summary>
public sealed class FootnoteCallHtmlRenderer : HtmlObjectRenderer<FootnoteCallInline>
{
    protected override void Write(HtmlRenderer renderer, FootnoteCallInline call)
    {
        var number = call.Number.ToString(CultureInfo.InvariantCulture);
        if (!renderer.EnableHtmlForInline)
        {
            // Plain-text contexts (an image's alt attribute): the call stays as it was written.
            renderer.WriteEscape("[^" + number + "]");
            return;
        }
        if (call.InsideLink)
        {
            renderer.Write("<sup class=\"footnote-ref\">").Write(number).Write("</sup>");
            return;
        }
        renderer.Write("<sup class=\"footnote-ref\"><a href=\"#");
        renderer.WriteEscape(MarkdownRenderer.FootnoteAnchor(call.Scope, call.Number));
        renderer.Write("\" id=\"");
        renderer.WriteEscape(MarkdownRenderer.FootnoteCallAnchor(call.Scope, call.Number));
        renderer.Write("\" aria-label=\"");
        renderer.WriteEscape(call.Label);
        renderer.Write("\">").Write(number).Write("</a></sup>");
    }
}

public sealed class FootnoteCallExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before the link parser, which also opens on '[' and would otherwise see "[^1]" as link text.
        if (!pipeline.InlineParsers.Contains<FootnoteCallParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new FootnoteCallParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer htmlRenderer)
        {
            htmlRenderer.ObjectRenderers.AddIfNotAlready(new FootnoteCallHtmlRenderer());
        }
    }
}
