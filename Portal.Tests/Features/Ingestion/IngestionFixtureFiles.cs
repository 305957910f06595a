using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Features.Rendering;

namespace Portal.Tests.Features.Ingestion;

/// <summary>
/// The ingestion fixtures (Fixtures/Ingestion/*.txt, UN documents as text comes out of a PDF, each with
/// its expected record) in the three formats: the text itself, a Word file built from it with the Open XML
/// SDK (real footnotes part), and a PDF printed from it by headless Chromium. Files are made once per run.
/// </summary>
public static partial class IngestionFixtureFiles
{
    public const string Text = "text";
    public const string Docx = "docx";
    public const string Pdf = "pdf";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ingestion");
    private static readonly string WorkFolder = Path.Combine(Path.GetTempPath(), "portal-ingestion-fixtures", Environment.ProcessId.ToString());
    private static readonly SemaphoreSlim PrintOne = new(1, 1);

    public static IReadOnlyList<string> Names { get; } =
        Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-letter.zh.txt");

    public static JsonObject Expected(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".expected.json")))!.AsObject();

    public static string TextPath(string name) => Path.Combine(Folder, name + ".txt");

    public static async Task<string> PathAsync(string name, string format) => format switch
    {
        Text => TextPath(name),
        Docx => DocxPath(name),
        Pdf => await PdfPathAsync(name),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string DocxPath(string name)
    {
        Directory.CreateDirectory(WorkFolder);
        var path = Path.Combine(WorkFolder, name + ".docx");
        lock (PrintOne)
        {
            if (!File.Exists(path))
            {
                WriteDocx(File.ReadAllText(TextPath(name)), path + ".part");
                File.Move(path + ".part", path);
            }
        }
        return path;
    }

    public static async Task<string> PdfPathAsync(string name)
    {
        Directory.CreateDirectory(WorkFolder);
        var path = Path.Combine(WorkFolder, name + ".pdf");
        await PrintOne.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                await PrintAsync(name, path);
            }
        }
        finally
        {
            PrintOne.Release();
        }
        return path;
    }

    /// <summary>One HTML paragraph per printed line (indented ones indented), each with its own direction, on A4.</summary>
    public static string Html(string name, string text)
    {
        var language = name[..2];
        var body = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var indented = line.StartsWith("  ", StringComparison.Ordinal);
            var content = line.Trim().Length == 0 ? "&nbsp;" : WebUtility.HtmlEncode(line.Trim());
            body.Append($"<p dir=\"auto\"{(indented ? " class=\"i\"" : "")}>{content}</p>\n");
        }
        return $"""
            <!doctype html><html lang="{language}" dir="{(language == "ar" ? "rtl" : "ltr")}"><head><meta charset="utf-8"><title>{name}</title>
            <style>@page {"{"} size: A4; margin: 2cm {"}"} body {"{"} font-family: "Noto Serif", "Noto Naskh Arabic", serif; font-size: 11pt {"}"} p {"{"} margin: 0 0 4pt {"}"} p.i {"{"} text-indent: 2em {"}"}</style>
            </head><body>{body}</body></html>
            """;
    }

    /// <summary>Prints any HTML with Chromium into the work folder and returns the PDF's path.</summary>
    public static async Task<string> PrintHtmlAsync(string name, string html)
    {
        Directory.CreateDirectory(WorkFolder);
        var path = Path.Combine(WorkFolder, name + ".pdf");
        await PrintOne.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                await PrintAsync(name, path, html);
            }
        }
        finally
        {
            PrintOne.Release();
        }
        return path;
    }

    private static async Task PrintAsync(string name, string pdfPath, string? content = null)
    {
        var work = Path.Combine(WorkFolder, name + "-print");
        Directory.CreateDirectory(work);
        var html = Path.Combine(work, name + ".html");
        await File.WriteAllTextAsync(html, content ?? Html(name, await File.ReadAllTextAsync(TextPath(name))));
        var chromium = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        var start = new ProcessStartInfo(chromium, DocumentPdfRenderer.ChromiumArguments(work, pdfPath + ".part", html))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        await drain;
        if (!File.Exists(pdfPath + ".part"))
        {
            throw new InvalidOperationException($"Chromium printed no PDF for {name} (exit {process.ExitCode}).");
        }
        File.Move(pdfPath + ".part", pdfPath);
        Directory.Delete(work, recursive: true);
    }

    /// <summary>
    /// A Word file as a delegation would send it: printed lines joined back into paragraphs (an indented line
    /// starts one), numbered footnotes moved into the footnotes part with a reference where their marker was.
    /// </summary>
    public static void WriteDocx(string text, string path)
    {
        var paragraphs = new List<string>();
        var footnotes = new List<(int Number, string Text)>();
        // A footnote's marker is in the paragraphs printed above its rule, after the previous rule.
        var markerRange = new Dictionary<int, (int From, int To)>();
        var previousRule = 0;
        var inFootnotes = false;
        var continues = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Trim().StartsWith("_____", StringComparison.Ordinal))
            {
                if (!inFootnotes && footnotes.Count > 0)
                {
                    previousRule = markerRange[footnotes[^1].Number].To;
                }
                inFootnotes = true;
                continues = false;
                continue;
            }
            var note = FootnoteEntry().Match(line);
            if (inFootnotes && note.Success)
            {
                footnotes.Add((int.Parse(note.Groups[1].Value), note.Groups[2].Value));
                markerRange[footnotes[^1].Number] = (previousRule, paragraphs.Count);
                continue;
            }
            inFootnotes = false;
            var indented = line.StartsWith("  ", StringComparison.Ordinal);
            if (continues && !indented && line.Trim().Length > 0 && !line.StartsWith('('))
            {
                paragraphs[^1] += " " + line.Trim();
            }
            else
            {
                paragraphs.Add(line.Trim());
            }
            continues = (indented || continues) && line.Trim().Length > 0 && !Regex.IsMatch(line, @"[.。:]$");
        }

        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        var notesPart = main.AddNewPart<FootnotesPart>();
        notesPart.Footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        var markers = new Dictionary<int, int>();
        foreach (var (number, noteText) in footnotes)
        {
            notesPart.Footnotes.Append(new Footnote(new Paragraph(new Run(new Text(noteText) { Space = SpaceProcessingModeValues.Preserve }))) { Id = number });
            var marker = new Regex(@"(?<=[\p{L}\p{P}])" + number + @"(?=\s|$)");
            var (from, to) = markerRange[number];
            var at = to > from ? paragraphs.FindLastIndex(to - 1, to - from, p => marker.IsMatch(p)) : -1;
            markers[number] = at;
        }
        for (var k = 0; k < paragraphs.Count; k++)
        {
            var paragraph = new Paragraph();
            var rest = paragraphs[k];
            foreach (var (number, _) in footnotes.Where(f => markers[f.Number] == k))
            {
                var m = new Regex(@"(?<=[\p{L}\p{P}])" + number + @"(?=\s|$)").Match(rest);
                paragraph.Append(new Run(new Text(rest[..m.Index]) { Space = SpaceProcessingModeValues.Preserve }));
                paragraph.Append(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = number }));
                rest = rest[(m.Index + m.Length)..];
            }
            paragraph.Append(new Run(new Text(rest) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(paragraph);
        }
        main.Document.Save();
    }

    [GeneratedRegex(@"^\s*(\d{1,3})\s+(\S.*)$")]
    private static partial Regex FootnoteEntry();
}
