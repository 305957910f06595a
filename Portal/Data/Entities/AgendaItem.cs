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
}

public class AgendaItemTitle
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public string Language { get; set; } = UnLanguage.English.Code;
    public string Title { get; set; } = "";
}
