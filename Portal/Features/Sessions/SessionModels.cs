using Portal.Catalogue;
using Portal.Data.Entities;

namespace Portal.Features.Sessions;

/// <summary>A GA session or SC year in lists, with the documents a viewer may see in it.</summary>
public sealed record SessionRow(int Id, Organ Organ, int Number, int DocumentCount)
{
    public string Label => SessionNames.Label(Organ, Number);
    public string Url => SiteUrls.Session(Organ, Number);
}

/// <summary>An agenda item in a session's list, with its title in every language held (the page picks the interface's).</summary>
public sealed record AgendaItemRow(int Number, IReadOnlyList<VersionTitle> Titles, int DocumentCount)
{
    /// <summary>The title in <paramref name="language"/> when held, else in English, else any; see <see cref="TitlePreference.PickItem"/>.</summary>
    public VersionTitle Title(string language) => TitlePreference.PickItem(Titles, language) ?? new VersionTitle(TitlePreference.Language, "");
}

public sealed record SessionDetail(
    SessionRow Session,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<AgendaItemRow> AgendaItems,
    PagedResult<DocumentRow> DocumentsWithoutAgendaItem,
    SessionRow? Previous,
    SessionRow? Next);
