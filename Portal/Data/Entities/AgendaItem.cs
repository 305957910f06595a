using Portal.Domain;

namespace Portal.Data.Entities;

public class AgendaItem
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session Session { get; set; } = null!;
    public int Number { get; set; }

    /// <summary>The item's title in each language where it is known; English is always expected.</summary>
    public List<AgendaItemTitle> Titles { get; set; } = [];
    public List<DocumentAgendaItem> Documents { get; set; } = [];

    /// <summary>Its sub-items ("79 (a)"), lettered as the agenda letters them.</summary>
    public List<AgendaSubItem> SubItems { get; set; } = [];
}

/// <summary>
/// A sub-item of an agenda item, e.g. (a) of item 79: "79 (a)". A document circulated under it is linked to the
/// item (<see cref="DocumentAgendaItem"/>, so it is listed and counted under the item as before) and to the sub-item
/// (<see cref="DocumentAgendaSubItem"/>), which its header shows and the item's page filters by.
/// </summary>
public class AgendaSubItem
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem AgendaItem { get; set; } = null!;

    /// <summary>The letter, lower case, without brackets: "a".</summary>
    public string Letter { get; set; } = "";

    public List<DocumentAgendaSubItem> Documents { get; set; } = [];

    /// <summary>"(a)" and the like: one or two Latin letters, as agendas letter sub-items.</summary>
    public static bool TryParseLetter(string? text, out string letter)
    {
        letter = (text ?? "").Trim().Trim('(', ')').Trim().ToLowerInvariant();
        return letter.Length is 1 or 2 && letter.All(char.IsAsciiLetterLower);
    }
}

/// <summary>A document circulated under a sub-item (besides its link to the item itself).</summary>
public class DocumentAgendaSubItem
{
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public int AgendaSubItemId { get; set; }
    public AgendaSubItem AgendaSubItem { get; set; } = null!;
}

public class AgendaItemTitle
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public string Language { get; set; } = UnLanguage.English.Code;
    public string Title { get; set; } = "";
}
