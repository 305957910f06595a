using Portal.Data.Entities;
using Portal.Domain;
using Portal.Localization;

namespace Portal.Catalogue;

/// <summary>
/// The one visible name of a document wherever it is linked: its symbol(s) when it has any; otherwise
/// a short description built from its kind, date and sender ("Letter dated 30 March 2021 from
/// Armenia", "2021年3月30日亚美尼亚的信"), in the interface language, as people cite letters that have no
/// symbol yet; otherwise its title.
/// </summary>
public static class DocumentNames
{
    public static string Of(IReadOnlyList<string> symbols, DocumentKind kind, DateOnly? datedOn, DateOnly? issuedOn, string? sender, string? title)
    {
        if (symbols.Count > 0)
        {
            return UnSymbol.Join(symbols);
        }
        return Describe(kind, datedOn, issuedOn, sender)
            ?? (string.IsNullOrWhiteSpace(title) ? InterfaceText.Get("DocumentNameUntitled") : title.Trim());
    }

    /// <summary>"Letter dated 30 March 2021 from Armenia", "Report issued 1 June 2021"; null when neither date nor sender is known.</summary>
    public static string? Describe(DocumentKind kind, DateOnly? datedOn, DateOnly? issuedOn, string? sender)
    {
        var noun = kind == DocumentKind.Other ? InterfaceText.Get("DocumentNameOther") : InterfaceNames.Kind(kind);
        var from = string.IsNullOrWhiteSpace(sender) ? null : MemberStateNames.InLanguage(sender.Trim(), InterfaceLanguage.Current.Code);
        var (key, date) = datedOn is { } dated ? ("DocumentNameDated", (DateOnly?)dated)
            : issuedOn is { } issued ? ("DocumentNameIssued", issued)
            : ("DocumentName", null);
        if (date is null && from is null)
        {
            return null;
        }
        var when = date is { } day ? InterfaceLanguage.LongDate(day) : "";
        return from is null ? InterfaceText.Format(key, noun, when) : InterfaceText.Format(key + "From", noun, when, from);
    }
}
