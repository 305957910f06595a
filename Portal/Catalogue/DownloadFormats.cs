using Portal.Data.Entities;
using Portal.Localization;

namespace Portal.Catalogue;

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

    /// <summary>The format's name in the interface language: PDF, Word and Markdown are the same in every language.</summary>
    public static string InterfaceLabel(DownloadFormat format) => format switch
    {
        DownloadFormat.Original => InterfaceText.Get("Format_Original"),
        DownloadFormat.Text => InterfaceText.Get("Format_PlainText"),
        _ => Label(format),
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

    /// <summary>The download format that serves a stored file as issued (the inverse of <see cref="StoredAs"/>).</summary>
    public static DownloadFormat Of(FileFormat stored) => stored switch
    {
        FileFormat.Pdf => DownloadFormat.Pdf,
        FileFormat.Docx => DownloadFormat.Docx,
        _ => DownloadFormat.Original,
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
