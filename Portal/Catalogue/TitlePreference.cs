using System.Linq.Expressions;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Catalogue;

/// <summary>
/// Which title names a document in lists, sorts and breadcrumbs: the English one (the catalogue's title,
/// else the English version's), else the first held in UN order; the expression is the same rule for EF
/// queries, which translate it to SQL. An agenda item is named by its title in the language asked for
/// (the interface's, or a version's), else by its English one (<see cref="PickItem"/>).
/// </summary>
public static class TitlePreference
{
    public static string Language => UnLanguage.English.Code;

    /// <summary>For EF sorts: the catalogue title, else the English version's, else any version's.</summary>
    public static readonly Expression<Func<Document, string?>> DocumentTitle = d =>
        d.CatalogTitle ?? d.LanguageVersions.OrderBy(v => v.Language == UnLanguage.English.Code ? 0 : 1).Select(v => v.Title).FirstOrDefault();

    /// <summary>The English catalogue title, else the English version's, else the first version's in UN order.</summary>
    public static VersionTitle Pick(string? catalogTitle, IReadOnlyList<VersionTitle> versions)
    {
        if (!string.IsNullOrWhiteSpace(catalogTitle))
        {
            return new VersionTitle(Language, catalogTitle);
        }
        return versions.FirstOrDefault(v => v.Language == Language)
            ?? versions.OrderBy(v => UnLanguage.OrderOf(v.Language)).FirstOrDefault()
            ?? new VersionTitle(Language, "(untitled)");
    }

    /// <summary>
    /// An agenda item's title in <paramref name="language"/> when known, else in English, else the first in UN order
    /// (whatever order the titles were loaded in); null when it has none.
    /// </summary>
    public static VersionTitle? PickItem(IReadOnlyList<VersionTitle> titles, string? language = null) =>
        titles.FirstOrDefault(t => t.Language == language) ?? titles.FirstOrDefault(t => t.Language == Language)
        ?? titles.OrderBy(t => UnLanguage.OrderOf(t.Language)).FirstOrDefault();

    /// <summary>The text of <see cref="PickItem"/>; "" when the item has no title.</summary>
    public static string PickItemTitle(IReadOnlyList<VersionTitle> titles, string? language = null) => PickItem(titles, language)?.Title ?? "";
}
