using System.Text;

namespace Portal.Catalogue;

/// <summary>The names files are saved under, in downloads and archives.</summary>
public static class DownloadFileNames
{
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
