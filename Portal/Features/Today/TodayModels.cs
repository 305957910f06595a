using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Sessions;

namespace Portal.Features.Today;

/// <summary>What "Issued today" shows; every field comes from the query string.</summary>
public sealed record TodayFilter(DateOnly Date, Organ? Organ = null, string? Language = null);

/// <summary>A document released on the day, with the language versions released that day.</summary>
public sealed record ReleasedDocument(DocumentRow Row, IReadOnlyList<Organ> Organs, IReadOnlyList<string> ReleasedLanguages)
{
    public string UrlFor(string language) => SiteUrls.Document(Row.Id, Row.Symbols, language);

    /// <summary>The title in the version released that day when only one language was asked for, else the catalogue title.</summary>
    public VersionTitle TitleIn(string? language) =>
        language is not null && Row.Versions.FirstOrDefault(v => v.Language == language) is { } version ? version : TitlePreference.Pick(Row.CatalogTitle, Row.Versions);
}

/// <summary>The documents of one organ released on the day.</summary>
public sealed record OrganGroup(Organ Organ, IReadOnlyList<ReleasedDocument> Documents)
{
    public string Name => SessionNames.OrganName(Organ);
}

/// <summary>
/// One day of releases. <see cref="Previous"/> and <see cref="Next"/> are the nearest days on which the
/// viewer can see releases under the same filters, not the calendar neighbours: stepping through empty
/// weekends and recesses one day at a time helps nobody.
/// </summary>
public sealed record TodayResult(
    TodayFilter Filter,
    IReadOnlyList<OrganGroup> Groups,
    int DocumentCount,
    bool Truncated,
    DateOnly? Previous,
    DateOnly? Next)
{
    public static IReadOnlyList<UnLanguage> Languages => UnLanguage.All;
}
