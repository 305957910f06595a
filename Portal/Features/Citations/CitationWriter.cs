using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Data.Entities;

namespace Portal.Features.Citations;

/// <summary>
/// A document as BibTeX, RIS and CSL-JSON, and in the UN's own citation style. The author is the United
/// Nations (an institution, kept whole in every format); the symbol is the report number.
/// </summary>
public static class CitationWriter
{
    private const string Author = "United Nations";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static (string Content, string MediaType, string Extension) Write(CitationRecord record, CitationFormat format, string permalink) => format switch
    {
        CitationFormat.BibTex => (BibTex(record, permalink), "application/x-bibtex; charset=utf-8", "bib"),
        CitationFormat.Ris => (Ris(record, permalink), "application/x-research-info-systems; charset=utf-8", "ris"),
        _ => (CslJson(record, permalink), "application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
    };

    /// <summary>"United Nations, Letter dated … (A/75/950), 5 May 2021, https://…/A/75/950."</summary>
    public static string UnStyle(CitationRecord record, string permalink) => UnStyleParts(record, permalink) is var (lead, title, tail) ? lead + title + tail : "";

    /// <summary>
    /// <see cref="UnStyle"/> around its title, which is in the document's language while the rest of the reference is
    /// in English (the style's), so that a page can mark the title's language apart.
    /// </summary>
    public static (string Lead, string Title, string Tail) UnStyleParts(CitationRecord record, string permalink)
    {
        var after = new List<string>();
        if (record.SymbolText.Length > 0)
        {
            after.Add(record.SymbolText);
        }
        if (record.Date is { } date)
        {
            after.Add(date.ToString("d MMMM yyyy", English));
        }
        after.Add($"available from {permalink}");
        return ($"{Author}, ", record.Title, ", " + string.Join(", ", after) + ".");
    }

    public static string BibTex(CitationRecord record, string permalink)
    {
        var fields = new List<(string Name, string Value)>
        {
            ("author", Author),
            ("title", record.Title),
            ("institution", Author),
            ("type", DocumentType(record.Kind)),
        };
        if (record.SymbolText.Length > 0)
        {
            fields.Add(("number", record.SymbolText));
        }
        if (record.Date is { } date)
        {
            fields.Add(("year", date.Year.ToString(CultureInfo.InvariantCulture)));
            fields.Add(("month", date.Month.ToString(CultureInfo.InvariantCulture)));
            fields.Add(("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        fields.Add(("language", record.Language));
        fields.Add(("url", permalink));
        var key = Key(record);
        var text = new StringBuilder($"@techreport{{{key},\n");
        foreach (var (name, value) in fields)
        {
            var body = name == "url" ? value : Escape(value);
            // Double braces keep an institution's name whole (not "Nations, United") and a title's capitals as written.
            if (name is "author" or "institution" or "title")
            {
                body = "{" + body + "}";
            }
            text.Append(CultureInfo.InvariantCulture, $"  {name} = {{{body}}},\n");
        }
        return text.Append("}\n").ToString();
    }

    public static string Ris(CitationRecord record, string permalink)
    {
        var lines = new List<string>
        {
            "TY  - RPRT",
            $"AU  - {Author}",
            $"TI  - {OneLine(record.Title)}",
            $"PB  - {Author}",
        };
        if (record.SymbolText.Length > 0)
        {
            // RIS has no field of its own for a report number; M1 ("number") is where EndNote and Zotero read it for reports.
            lines.Add($"M1  - {record.SymbolText}");
        }
        if (record.Date is { } date)
        {
            lines.Add($"PY  - {date.Year.ToString(CultureInfo.InvariantCulture)}");
            lines.Add($"DA  - {date.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture)}");
        }
        lines.Add($"M3  - {DocumentType(record.Kind)}");
        lines.Add($"LA  - {record.Language}");
        lines.Add($"UR  - {permalink}");
        lines.Add("ER  - ");
        return string.Join("\r\n", lines) + "\r\n";
    }

    public static string CslJson(CitationRecord record, string permalink)
    {
        var item = new JsonObject
        {
            ["id"] = record.SymbolText.Length > 0 ? record.SymbolText : $"document-{record.Id}",
            ["type"] = "report",
            ["title"] = record.Title,
            ["author"] = new JsonArray(new JsonObject { ["literal"] = Author }),
            ["publisher"] = Author,
            ["genre"] = DocumentType(record.Kind),
            ["language"] = record.Language,
            ["URL"] = permalink,
        };
        if (record.SymbolText.Length > 0)
        {
            item["number"] = record.SymbolText;
        }
        if (record.Date is { } date)
        {
            item["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(date.Year, date.Month, date.Day)) };
        }
        return new JsonArray(item).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string DocumentType(DocumentKind kind) => kind switch
    {
        DocumentKind.Letter => "Letter",
        DocumentKind.NoteVerbale => "Note verbale",
        DocumentKind.Report => "Report",
        DocumentKind.DraftResolution => "Draft resolution",
        DocumentKind.Resolution => "Resolution",
        _ => "Document",
    };

    /// <summary>A BibTeX key from the symbol (A/75/950 → A_75_950), else the document number.</summary>
    private static string Key(CitationRecord record) => record.Symbols.Count > 0
        ? new string(record.Symbols[0].Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray())
        : $"UNdocument{record.Id}";

    /// <summary>Escapes BibTeX's special characters.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in OneLine(text))
        {
            builder.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
