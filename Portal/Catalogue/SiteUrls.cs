using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Catalogue;

/// <summary>
/// Every address the portal builds: documents, sessions, agenda items, files, archives, search. Symbol
/// permalinks are the canonical address of a document; documents without a symbol use their id.
/// <see cref="PermalinkPath"/> reads them back.
/// </summary>
public static class SiteUrls
{
    public const string SearchPath = "/search";

    /// <summary><c>/A/75/778/compare?left=en&amp;right=zh</c>: two language versions side by side (documents with a symbol).</summary>
    public static string Compare(string symbol, string left, string right) => $"{ComparePath(symbol)}?left={left}&right={right}";

    public static string ComparePath(string symbol) => $"/{EncodeSymbol(symbol)}/compare";

    /// <summary>Where subscribe forms post (<c>Input.Target</c> such as <c>item:ga-75-71</c>, <c>session:sc-2021</c>, <c>search:q=mines</c>).</summary>
    public const string AlertSubscribePath = "/alerts/subscribe";

    public static string Document(int id, IReadOnlyList<string> symbols, string? language = null)
    {
        if (symbols.Count == 0)
        {
            return language is null ? $"/documents/{id}" : $"/documents/{id}/{language}";
        }
        var path = EncodeSymbol(symbols[0]);
        return language is null ? $"/{path}" : $"/{language}/{path}";
    }

    /// <summary>A document link from an agenda item's page: <c>?item=71</c> keeps that item in the document's breadcrumb.</summary>
    public static string FromAgendaItem(string documentUrl, int agendaItem) => $"{documentUrl}?item={agendaItem}";

    /// <summary>Where the portal sends people for a symbol it does not hold.</summary>
    public static string Undocs(string symbol, string? language = null) =>
        $"https://undocs.org/{language ?? UnLanguage.English.Code}/{EncodeSymbol(UnSymbol.TryParse(symbol, out var parsed) ? parsed.Value : symbol)}";

    /// <summary><c>/sessions/ga/75</c>, <c>/sessions/sc/2021</c>, <c>/sessions/ecosoc/2021</c>.</summary>
    public static string Session(Organ organ, int number) => $"/sessions/{SessionNames.Slug(organ)}/{number}";

    public static string AgendaItem(Organ organ, int session, int item) => $"{Session(organ, session)}/items/{item}";

    /// <summary>The item's page showing the documents of one sub-item: <c>…/items/79?sub=a</c>.</summary>
    public static string AgendaSubItem(Organ organ, int session, int item, string letter) => $"{AgendaItem(organ, session, item)}?sub={Uri.EscapeDataString(letter)}";

    /// <summary>
    /// <c>/A/75/778/zh.pdf</c> (first symbol, canonical spelling, then language and format) or,
    /// for a document without a symbol, <c>/documents/1/zh.pdf</c>.
    /// </summary>
    public static string File(int id, IReadOnlyList<string> symbols, string language, DownloadFormat format)
    {
        var file = $"{language}.{DownloadFormats.Extension(format)}";
        return symbols.Count == 0 ? $"/documents/{id}/{file}" : $"/{EncodeSymbol(symbols[0])}/{file}";
    }

    public static string AgendaItemArchive(Organ organ, int session, int item, IEnumerable<string>? languages = null, IEnumerable<DownloadFormat>? formats = null) =>
        ArchiveChoices(languages, formats).AppendTo($"{AgendaItem(organ, session, item)}/download.zip");

    public static string SessionArchive(Organ organ, int session, IEnumerable<string>? languages = null, IEnumerable<DownloadFormat>? formats = null) =>
        ArchiveChoices(languages, formats).AppendTo($"{Session(organ, session)}/download.zip");

    private static UrlQuery ArchiveChoices(IEnumerable<string>? languages, IEnumerable<DownloadFormat>? formats)
    {
        var query = new UrlQuery();
        foreach (var language in languages ?? [])
        {
            query.Add("lang", language);
        }
        foreach (var format in formats ?? [])
        {
            query.Add("format", DownloadFormats.Extension(format));
        }
        return query;
    }

    private static string EncodeSymbol(string symbol) =>
        string.Join('/', symbol.Split('/').Select(Uri.EscapeDataString));
}

/// <summary>A query string built from the values that are set, in the order added, each escaped.</summary>
public sealed class UrlQuery
{
    private readonly List<string> _parts = [];

    /// <summary>Adds <c>name=value</c> unless the value is null or empty (a default that the URL leaves out).</summary>
    public UrlQuery Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        return this;
    }

    public override string ToString() => string.Join('&', _parts);

    /// <summary><paramref name="path"/>, followed by <c>?</c> and the query when it has any value.</summary>
    public string AppendTo(string path) => _parts.Count == 0 ? path : $"{path}?{this}";
}
