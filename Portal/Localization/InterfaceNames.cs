using Portal.Data.Entities;

namespace Portal.Localization;

/// <summary>
/// Document kinds and distributions as the interface names them, in the interface language. Feeds and file
/// names keep their fixed English words (Catalogue/DocumentKindNames).
/// </summary>
public static class InterfaceNames
{
    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.Letter => InterfaceText.Get("Kind_Letter"),
        DocumentKind.NoteVerbale => InterfaceText.Get("Kind_NoteVerbale"),
        DocumentKind.Report => InterfaceText.Get("Kind_Report"),
        DocumentKind.DraftResolution => InterfaceText.Get("Kind_DraftResolution"),
        DocumentKind.Resolution => InterfaceText.Get("Kind_Resolution"),
        _ => InterfaceText.Get("Kind_Other"),
    };

    public static string Kinds(DocumentKind kind) => kind switch
    {
        DocumentKind.Letter => InterfaceText.Get("Kinds_Letter"),
        DocumentKind.NoteVerbale => InterfaceText.Get("Kinds_NoteVerbale"),
        DocumentKind.Report => InterfaceText.Get("Kinds_Report"),
        DocumentKind.DraftResolution => InterfaceText.Get("Kinds_DraftResolution"),
        DocumentKind.Resolution => InterfaceText.Get("Kinds_Resolution"),
        _ => InterfaceText.Get("Kinds_Other"),
    };

    public static string Distribution(Distribution distribution) => distribution switch
    {
        Data.Entities.Distribution.General => InterfaceText.Get("Distribution_General"),
        Data.Entities.Distribution.Limited => InterfaceText.Get("Distribution_Limited"),
        _ => InterfaceText.Get("Distribution_Restricted"),
    };
}
