using Portal.Catalogue;
using Portal.Data.Entities;

namespace Portal.Features.Sessions;

/// <summary>A GA session or SC year in lists, with the documents a viewer may see in it.</summary>
public sealed record SessionRow(int Id, Organ Organ, int Number, int DocumentCount)
{
    public string Label => SessionNames.Label(Organ, Number);
    public string Url => SiteUrls.Session(Organ, Number);
}

public sealed record AgendaItemRow(int Number, string Title, int DocumentCount);

public sealed record SessionDetail(
    SessionRow Session,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<AgendaItemRow> AgendaItems,
    PagedResult<DocumentRow> DocumentsWithoutAgendaItem,
    SessionRow? Previous,
    SessionRow? Next);
