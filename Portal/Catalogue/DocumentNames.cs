using System.Globalization;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Catalogue;

/// <summary>
/// The one visible name of a document wherever it is linked: its symbol(s) when it has any; otherwise
/// a short description built from its kind, date and sender ("Letter dated 30 March 2021 from
/// Armenia"), as people cite letters that have no symbol yet; otherwise its title.
/// </summary>
public static class DocumentNames
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(IReadOnlyList<string> symbols, DocumentKind kind, DateOnly? datedOn, DateOnly? issuedOn, string? sender, string? title)
    {
        if (symbols.Count > 0)
        {
            return UnSymbol.Join(symbols);
        }
        return Describe(kind, datedOn, issuedOn, sender)
            ?? (string.IsNullOrWhiteSpace(title) ? "Untitled document" : title.Trim());
    }

    /// <summary>"Letter dated 30 March 2021 from Armenia", "Report issued 1 June 2021"; null when neither date nor sender is known.</summary>
    public static string? Describe(DocumentKind kind, DateOnly? datedOn, DateOnly? issuedOn, string? sender)
    {
        var date = datedOn is { } dated ? $" dated {dated.ToString("d MMMM yyyy", English)}"
            : issuedOn is { } issued ? $" issued {issued.ToString("d MMMM yyyy", English)}"
            : "";
        var from = string.IsNullOrWhiteSpace(sender) ? "" : $" from {sender.Trim()}";
        if (date.Length == 0 && from.Length == 0)
        {
            return null;
        }
        var noun = kind == DocumentKind.Other ? "Document" : DocumentKindNames.Singular(kind);
        return noun + date + from;
    }
}
