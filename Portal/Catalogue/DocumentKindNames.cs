using Portal.Data.Entities;

namespace Portal.Catalogue;

public static class DocumentKindNames
{
    public static string Singular(DocumentKind kind) => kind switch
    {
        DocumentKind.Letter => "Letter",
        DocumentKind.NoteVerbale => "Note verbale",
        DocumentKind.Report => "Report",
        DocumentKind.DraftResolution => "Draft resolution",
        DocumentKind.Resolution => "Resolution",
        _ => "Other",
    };

    public static string Plural(DocumentKind kind) => kind switch
    {
        DocumentKind.Letter => "Letters",
        DocumentKind.NoteVerbale => "Notes verbales",
        DocumentKind.Report => "Reports",
        DocumentKind.DraftResolution => "Draft resolutions",
        DocumentKind.Resolution => "Resolutions",
        _ => "Other",
    };
}
