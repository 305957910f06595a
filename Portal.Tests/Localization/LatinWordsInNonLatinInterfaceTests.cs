using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Accessibility;

namespace Portal.Tests.Localization;

/// <summary>
/// The public pages in the three interface languages that are not written in Latin script (Arabic, Chinese, Russian)
/// show no Latin word of their own: once the parts that carry data are taken away (document text and anything else
/// marked with a language, <c>&lt;bdi&gt;</c> isolates, code, and every text the database holds: titles, senders,
/// agenda item titles, names), a word of three or more Latin letters that is left is
/// English the interface forgot to translate, unless it is a format or standard everyone writes in Latin letters
/// (PDF, DOCX, ZIP, …). Catches English written in a component rather than in a resource file, which the scan for the
/// English resource file's strings (<see cref="UntranslatedTextTests"/>) cannot see.
/// </summary>
public partial class LatinWordsInNonLatinInterfaceTests(UntranslatedTextTests.Fixture fixture) : IClassFixture<UntranslatedTextTests.Fixture>
{
    /// <summary>Names that stay in Latin letters in every language: file formats, standards, the portal's addresses.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "PDF", "DOCX", "ZIP", "TXT", "RIS", "Word", "Markdown", "RSS", "Atom", "iCal", "API", "JSON", "CSV", "XML", "MARCXML", "BibTeX", "CSL", "OAI", "PMH", "UTC", "ISO",
        // The search's operators, which the search page names as they are typed.
        "AND", "NOT", "NEAR",
    };

    /// <summary>What carries data, not interface text: marked with a language, isolated, code, and what is not shown.</summary>
    private const string DataParts = "script, style, template, noscript, [lang], bdi, code, kbd, samp, pre, [translate=no], svg";

    private static readonly string[] TextAttributes = ["aria-label", "title", "placeholder", "alt"];

    public static TheoryData<string, string> PagesInEachLanguage => UntranslatedTextTests.InEachLanguage(["ar", "zh", "ru"]);

    [Theory]
    [MemberData(nameof(PagesInEachLanguage))]
    public async Task NoLatinInterfaceWordIsLeftOnThePage(string language, string path)
    {
        using var client = fixture.CreateClient(new() { HandleCookies = false });
        using var response = await client.GetAsync(path + (path.Contains('?') ? "&" : "?") + "ui=" + language);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(language, document.DocumentElement.GetAttribute("lang"));

        var found = LatinWords(document, await DataAsync(path)).Distinct().ToList();
        Assert.True(found.Count == 0, $"{path} in {language} shows Latin words: {string.Join(" | ", found)}");
    }

    /// <summary>Each Latin word left in the page's own text, with the text it stands in.</summary>
    private static IEnumerable<string> LatinWords(IDocument document, Regex data)
    {
        foreach (var part in document.Body!.QuerySelectorAll(DataParts).ToList())
        {
            part.Remove();
        }
        var texts = document.Body.QuerySelectorAll("*")
            .SelectMany(e => e.ChildNodes.OfType<IText>().Select(t => t.Data)
                .Concat(TextAttributes.Select(a => e.GetAttribute(a) ?? "")))
            .Append(document.Title ?? "");
        foreach (var text in texts)
        {
            // Addresses, symbols (A/75/778), file names and codes with digits are data, whatever letters they hold.
            var words = DataToken().Replace(data.Replace(text, " "), " ");
            foreach (Match word in LatinWord().Matches(words))
            {
                if (!Allowed.Contains(word.Value))
                {
                    yield return $"{word.Value} (in \"{text.Trim()}\")";
                }
            }
        }
    }

    /// <summary>
    /// Every text of four or more characters with a Latin letter that the portal's database holds (document and agenda
    /// item titles, senders, addressees, signatories' names…), as whole words: what the pages show as data.
    /// </summary>
    private async Task<Regex> DataAsync(string path)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var column in entity.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName(table)).OfType<string>())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{table.Name}\" WHERE \"{column}\" IS NOT NULL AND length(\"{column}\") BETWEEN 4 AND 500";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    texts.Add(reader.GetString(0).Trim());
                }
            }
        }
        // What the visitor typed (the search words, a path or date the page says it does not know) is the visitor's.
        var typed = new Uri(new Uri("http://localhost"), path);
        texts.UnionWith(typed.AbsolutePath.Split('/').Concat(Uri.UnescapeDataString(typed.Query.TrimStart('?').Replace('+', ' ')).Split('&').Select(p => p.Split('=').Last())).Where(t => t.Length > 0));
        var alternatives = texts.Where(t => t.Any(char.IsAsciiLetter)).OrderByDescending(t => t.Length).Select(Regex.Escape);
        return new Regex(@"(?<!\w)(?:" + string.Join("|", alternatives) + @")(?!\w)", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\S*(?:://|[/.@_\d])\S*")]
    private static partial Regex DataToken();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex LatinWord();
}
