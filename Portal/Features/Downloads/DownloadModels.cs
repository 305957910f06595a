using Microsoft.Net.Http.Headers;
using System.Text;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Sessions;

namespace Portal.Features.Downloads;

/// <summary>What a download URL can ask for: the files as issued, and renditions of the structured text.</summary>
public enum DownloadFormat
{
    Pdf,
    Docx,
    Original,
    Markdown,
    Text,
}

public static class DownloadFormats
{
    public static IReadOnlyList<DownloadFormat> All { get; } = Enum.GetValues<DownloadFormat>();

    /// <summary>The extension in URLs: <c>pdf</c>, <c>docx</c>, <c>original</c>, <c>md</c>, <c>txt</c>.</summary>
    public static string Extension(DownloadFormat format) => format switch
    {
        DownloadFormat.Pdf => "pdf",
        DownloadFormat.Docx => "docx",
        DownloadFormat.Original => "original",
        DownloadFormat.Markdown => "md",
        _ => "txt",
    };

    public static string Label(DownloadFormat format) => format switch
    {
        DownloadFormat.Pdf => "PDF",
        DownloadFormat.Docx => "Word",
        DownloadFormat.Original => "Original",
        DownloadFormat.Markdown => "Markdown",
        _ => "Plain text",
    };

    public static bool TryParse(string? text, out DownloadFormat format)
    {
        format = default;
        var normalized = text?.Trim().ToLowerInvariant();
        foreach (var candidate in All)
        {
            if (Extension(candidate) == normalized)
            {
                format = candidate;
                return true;
            }
        }
        return false;
    }

    public static FileFormat? StoredAs(DownloadFormat format) => format switch
    {
        DownloadFormat.Pdf => FileFormat.Pdf,
        DownloadFormat.Docx => FileFormat.Docx,
        DownloadFormat.Original => FileFormat.Original,
        _ => null,
    };

    /// <summary>Formats that are compressed already (ZIP containers, PDF streams, images): a ZIP stores them as they are.</summary>
    public static bool IsCompressed(string mediaType, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return mediaType.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("application/vnd.openxmlformats", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("application/vnd.oasis.opendocument", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || mediaType is "application/zip" or "application/gzip"
            || extension is ".pdf" or ".docx" or ".xlsx" or ".pptx" or ".odt" or ".zip" or ".gz" or ".jpg" or ".jpeg" or ".png";
    }
}

/// <summary>One file offered for download; <see cref="Length"/> is null when it is made on request.</summary>
public sealed record DownloadLink(string Language, DownloadFormat Format, string Url, long? Length);

public sealed record LanguageDownloads(string Language, IReadOnlyList<DownloadLink> Links);

/// <summary>The one URL scheme for files, used by every page, archive manifest and test.</summary>
public static class DownloadRoutes
{
    /// <summary>
    /// <c>/A/75/778/zh.pdf</c> (first symbol, canonical spelling, then language and format) or,
    /// for a document without a symbol, <c>/documents/1/zh.pdf</c>.
    /// </summary>
    public static string FileUrl(int id, IReadOnlyList<string> symbols, string language, DownloadFormat format)
    {
        var file = $"{language}.{DownloadFormats.Extension(format)}";
        return symbols.Count == 0
            ? $"/documents/{id}/{file}"
            : $"/{string.Join('/', symbols[0].Split('/').Select(Uri.EscapeDataString))}/{file}";
    }

    public static string AgendaItemArchiveUrl(Organ organ, int session, int item, IEnumerable<string>? languages = null, IEnumerable<DownloadFormat>? formats = null) =>
        WithChoices($"{SessionNames.AgendaItemUrl(organ, session, item)}/download.zip", languages, formats);

    public static string SessionArchiveUrl(Organ organ, int session, IEnumerable<string>? languages = null, IEnumerable<DownloadFormat>? formats = null) =>
        WithChoices($"{SessionNames.Url(organ, session)}/download.zip", languages, formats);

    private static string WithChoices(string path, IEnumerable<string>? languages, IEnumerable<DownloadFormat>? formats)
    {
        var query = new List<string>();
        query.AddRange((languages ?? []).Select(l => $"lang={Uri.EscapeDataString(l)}"));
        query.AddRange((formats ?? []).Select(f => $"format={DownloadFormats.Extension(f)}"));
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>
    /// The UN-style name a file is saved under: the symbol with its slashes replaced and the
    /// language in capitals (<c>A_75_778-ZH.pdf</c>); a document without a symbol is named by its
    /// title, which may be Chinese or Arabic (sent per RFC 6266/5987 beside <see cref="AsciiFileName"/>).
    /// </summary>
    public static string FileName(IReadOnlyList<string> symbols, string title, string language, string extension)
    {
        var stem = symbols.Count > 0 ? symbols[0].Replace('/', '_') : Shorten(title, 80);
        return $"{Clean(stem)}-{language.ToUpperInvariant()}.{extension}";
    }

    /// <summary>
    /// The name for tools that read only the ASCII <c>filename=</c> parameter: the same as
    /// <see cref="FileName"/> for a symbol, <c>document-1-ZH.pdf</c> for a document without one
    /// (rather than a title whose every Chinese character became an underscore).
    /// </summary>
    public static string AsciiFileName(int id, IReadOnlyList<string> symbols, string language, string extension) =>
        symbols.Count > 0 && FileName(symbols, "", language, extension) is var name && Ascii.IsValid(name) && !name.Contains('"')
            ? name
            : $"document-{id}-{language.ToUpperInvariant()}.{extension}";

    /// <summary>An attachment's Content-Disposition: the ASCII name as <c>filename</c>, the full one as <c>filename*</c>.</summary>
    public static string ContentDisposition(string fileName, string? asciiFileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        if (asciiFileName is not null)
        {
            disposition.FileName = asciiFileName;
        }
        return disposition.ToString();
    }

    private static string Shorten(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..max].TrimEnd();
    }

    // Keeps letters in any script, digits and a few separators; everything else that a file system
    // or a header could misread becomes an underscore.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '(' or ')' ? c
                : char.IsWhiteSpace(c) ? ' '
                : '_');
        }
        var cleaned = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        return cleaned.Length == 0 ? "document" : cleaned;
    }
}
