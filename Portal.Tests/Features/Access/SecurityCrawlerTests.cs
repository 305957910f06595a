using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Data.Entities;

namespace Portal.Tests.Features.Access;

/// <summary>
/// The access crawler. It signs in as each role (anonymous, a delegation of the state a Restricted document
/// names, a delegation of another state, a Secretariat editor, an administrator) and walks every address of
/// the <see cref="RouteRegistry"/> for each planted <see cref="CrawledDocument"/>, then every same-origin
/// link it finds (pages, permalinks, files, generated PDFs and text, ZIPs, citations, the API, feeds,
/// sitemaps, search, /today), breadth first.
/// <para>
/// Each answer is compared with the answer of a twin portal that holds only the documents the role may see
/// (the public's two, or those and the Restricted one): a hidden document must leave every answer — status,
/// page, count, facet, snippet, link, file — exactly as if it did not exist. No answer may hold a marker
/// word or symbol of a hidden document unless the address asked for it (a search for the word, a permalink
/// to the symbol, which the twin then answers the same). And every role must meet the marker words of
/// every document it may see, so a crawler that reached nothing, or an access rule that hid too much, fails.
/// </para>
/// </summary>
public sealed partial class SecurityCrawlerTests(SecurityCrawlerTests.Worlds worlds) : IClassFixture<SecurityCrawlerTests.Worlds>
{
    /// <summary>At most this many addresses per role (a crawl of the planted world needs about half as many).</summary>
    private const int MaxRequestsPerRole = 400;

    /// <summary>
    /// Links found while crawling: at most this many of one shape (the path with its numbers left out, with or
    /// without a query), so five documents' links each and every facet and sort order are sampled, not all walked.
    /// The registry's samples are always requested, for every planted document.
    /// </summary>
    private const int MaxLinksPerShape = 2;

    /// <summary>The world with every planted document, and the two a viewer who sees less is compared with.</summary>
    public sealed class Worlds : IAsyncLifetime
    {
        public CrawlerWorld Everything { get; } = new(CrawledDocument.All);

        public CrawlerWorld PublicOnly { get; } = new([.. CrawledDocument.All.Where(d => MaySee(CrawlerRole.Anonymous, d))]);

        public CrawlerWorld NamedState { get; } = new([.. CrawledDocument.All.Where(d => MaySee(CrawlerRole.NamedStateDelegation, d))]);

        public async ValueTask InitializeAsync() =>
            await Task.WhenAll(Everything.StartAsync(), PublicOnly.StartAsync(), NamedState.StartAsync());

        public async ValueTask DisposeAsync()
        {
            await Everything.DisposeAsync();
            await PublicOnly.DisposeAsync();
            await NamedState.DisposeAsync();
        }

        /// <summary>The world holding exactly what <paramref name="role"/> may see; null when that is everything.</summary>
        public CrawlerWorld? TwinOf(CrawlerRole role) => role switch
        {
            CrawlerRole.Anonymous or CrawlerRole.OtherStateDelegation => PublicOnly,
            CrawlerRole.NamedStateDelegation => NamedState,
            _ => null,
        };
    }

    /// <summary>The rule of issue 13, written out here on its own rather than taken from the portal's Viewer.</summary>
    public static bool MaySee(CrawlerRole role, CrawledDocument document) => role switch
    {
        CrawlerRole.Editor or CrawlerRole.Administrator => true,
        CrawlerRole.NamedStateDelegation => document.Status == PublicationStatus.Published,
        _ => document.Status == PublicationStatus.Published && document.Distribution != Distribution.Restricted,
    };

    [Theory]
    [InlineData(CrawlerRole.Anonymous)]
    [InlineData(CrawlerRole.OtherStateDelegation)]
    [InlineData(CrawlerRole.NamedStateDelegation)]
    [InlineData(CrawlerRole.Editor)]
    [InlineData(CrawlerRole.Administrator)]
    public async Task EachRoleMeetsWhatItMaySeeAndNothingOfWhatItMayNot(CrawlerRole role)
    {
        var crawl = await CrawlAsync(role);

        Assert.True(crawl.Failures.IsEmpty, $"{crawl.Failures.Count} problems crawling as {role} ({crawl.Requests} addresses):\n" + string.Join("\n", crawl.Failures.Take(25)));
        var expected = CrawledDocument.All.Where(d => MaySee(role, d)).SelectMany(d => d.Markers.Append(d.Symbol)).ToList();
        var unseen = expected.Where(m => !crawl.Seen.ContainsKey(m.ToLowerInvariant())).ToList();
        Assert.True(unseen.Count == 0, $"As {role} the crawler never met: {string.Join(", ", unseen)} ({crawl.Requests} addresses)");
        Assert.True(crawl.Requests > 100, $"As {role} the crawler reached only {crawl.Requests} addresses.");
    }

    private sealed class Crawl
    {
        public ConcurrentQueue<string> Failures { get; } = new();

        public ConcurrentDictionary<string, bool> Seen { get; } = new();

        public int Requests;
    }

    private async Task<Crawl> CrawlAsync(CrawlerRole role)
    {
        var world = worlds.Everything;
        var twin = worlds.TwinOf(role);
        var hidden = CrawledDocument.All.Where(d => !MaySee(role, d)).ToList();
        var crawl = new Crawl();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var frontier = StartAddresses(world).Where(visited.Add).ToList();
        while (frontier.Count > 0 && visited.Count <= MaxRequestsPerRole)
        {
            var found = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(frontier, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (address, cancellationToken) =>
            {
                Interlocked.Increment(ref crawl.Requests);
                var answer = await FetchAsync(world.Clients[role], world.BaseAddress, address, cancellationToken);
                Check(role, address, answer, hidden, crawl);
                if (twin is not null)
                {
                    var other = await FetchAsync(twin.Clients[role], twin.BaseAddress, address, cancellationToken);
                    if (answer.Comparable != other.Comparable)
                    {
                        crawl.Failures.Enqueue($"{address}: answers unlike a portal without the hidden documents\n  {Difference(answer.Comparable, other.Comparable)}");
                    }
                }
                foreach (var link in answer.Links)
                {
                    found.Add(link);
                }
            });
            frontier = [];
            foreach (var link in found.Distinct().Order(StringComparer.Ordinal))
            {
                var shape = Shape(link);
                var count = shapes.GetValueOrDefault(shape);
                if (visited.Count < MaxRequestsPerRole && count < MaxLinksPerShape && visited.Add(link))
                {
                    shapes[shape] = count + 1;
                    frontier.Add(link);
                }
            }
        }
        if (Environment.GetEnvironmentVariable("CRAWLER_LOG") is { } log)
        {
            File.WriteAllLines($"{log}-{role}.txt", visited.Order(StringComparer.Ordinal));
        }
        return crawl;
    }

    private static string Shape(string link)
    {
        var parts = link.Split('?', 2);
        return Digits().Replace(parts[0], "N") + (parts.Length == 2 ? "?" : "");
    }

    /// <summary>Every registry sample, once per planted document where it names one.</summary>
    private static IEnumerable<string> StartAddresses(CrawlerWorld world)
    {
        foreach (var entry in RouteRegistry.All)
        {
            foreach (var sample in entry.Samples)
            {
                if (!entry.PerDocument)
                {
                    yield return sample;
                    continue;
                }
                foreach (var document in CrawledDocument.All)
                {
                    var address = sample.Replace("{id}", world.Ids[document.Name].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{symbol}", document.Symbol, StringComparison.Ordinal);
                    if (address.Contains("{marker}", StringComparison.Ordinal))
                    {
                        yield return address.Replace("{marker}", document.BodyWord, StringComparison.Ordinal);
                    }
                    else
                    {
                        yield return address;
                    }
                }
            }
        }
    }

    private sealed record Answer(string Text, string Comparable, IReadOnlyList<string> Links);

    private static async Task<Answer> FetchAsync(HttpClient client, Uri baseAddress, string address, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(address, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var text = mediaType switch
        {
            "application/zip" => ZipText(bytes),
            _ when IsText(mediaType) => Encoding.UTF8.GetString(bytes),
            _ => Encoding.Latin1.GetString(bytes),
        };
        var location = response.Headers.Location?.OriginalString ?? "";
        var disposition = response.Content.Headers.ContentDisposition?.ToString() ?? "";
        var comparable = Normalize($"{(int)response.StatusCode} {mediaType}\nLocation: {location}\nContent-Disposition: {disposition}\n\n{text}", baseAddress);
        var links = Links(text + "\n href=\"" + location + "\"", baseAddress, address);
        return new Answer(text + "\n" + location + "\n" + disposition, comparable, links);
    }

    private static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType.EndsWith("json", StringComparison.Ordinal)
        || mediaType.EndsWith("xml", StringComparison.Ordinal) || mediaType.Contains("bibtex", StringComparison.Ordinal)
        || mediaType.Contains("research-info", StringComparison.Ordinal);

    /// <summary>A ZIP as text: each entry's name and its content, so markers inside compressed files are found.</summary>
    private static string ZipText(byte[] bytes)
    {
        var text = new StringBuilder();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var reader = new StreamReader(entry.Open(), Encoding.Latin1);
                text.Append("== ").Append(entry.FullName).Append('\n').Append(reader.ReadToEnd()).Append('\n');
            }
        }
        catch (InvalidDataException e)
        {
            text.Append("not a ZIP: ").Append(e.Message);
        }
        return text.ToString();
    }

    /// <summary>
    /// A failure when the answer holds a marker word or symbol of a document the role may not see and the
    /// address did not ask for it; records the marker words it met; a 5xx is always a failure.
    /// </summary>
    private static void Check(CrawlerRole role, string address, Answer answer, IReadOnlyList<CrawledDocument> hidden, Crawl crawl)
    {
        if (answer.Comparable.StartsWith('5') && !(answer.Comparable.StartsWith("503", StringComparison.Ordinal) && address.Contains(".pdf", StringComparison.Ordinal)))
        {
            crawl.Failures.Enqueue($"{address}: {answer.Comparable.Split('\n')[0]}");
        }
        var asked = Uri.UnescapeDataString(address);
        foreach (var document in hidden)
        {
            foreach (var marker in document.Markers)
            {
                if (answer.Text.Contains(marker, StringComparison.OrdinalIgnoreCase) && !asked.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    crawl.Failures.Enqueue($"{address}: holds “{marker}” of the {document.Name} document, which {role} may not see");
                }
            }
            if (SymbolPattern(document.Symbol).IsMatch(answer.Text) && !asked.Contains(document.Symbol, StringComparison.OrdinalIgnoreCase))
            {
                crawl.Failures.Enqueue($"{address}: holds the symbol {document.Symbol} of the {document.Name} document, which {role} may not see");
            }
        }
        foreach (var document in CrawledDocument.All)
        {
            foreach (var marker in document.Markers.Append(document.Symbol))
            {
                if (answer.Text.Contains(marker, StringComparison.OrdinalIgnoreCase) && !asked.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    crawl.Seen.TryAdd(marker.ToLowerInvariant(), true);
                }
            }
        }
    }

    /// <summary>The symbol as text, in a URL (%2F) or in a file name (A_80_R.4712).</summary>
    private static Regex SymbolPattern(string symbol) =>
        new(string.Join("(?:/|%2F|_|-)", symbol.Split('/').Select(Regex.Escape)), RegexOptions.IgnoreCase);

    /// <summary>Same-origin links of an answer (href, src, action, sitemap locations, URLs in JSON), as paths with their query.</summary>
    private static List<string> Links(string text, Uri baseAddress, string address)
    {
        var from = new Uri(baseAddress, address);
        var links = new List<string>();
        foreach (Match match in LinkPattern().Matches(text))
        {
            var raw = WebUtility.HtmlDecode(match.Groups["url"].Value).Replace("\\u0026", "&", StringComparison.Ordinal).Trim();
            if (raw.Length == 0 || raw.StartsWith('#') || raw.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!Uri.TryCreate(from, raw, out var uri) || uri.Authority != baseAddress.Authority || uri.Scheme != baseAddress.Scheme)
            {
                continue;
            }
            var path = uri.AbsolutePath;
            if (path.StartsWith("/_", StringComparison.Ordinal) || StaticAsset().IsMatch(path) || path == "/account/sign-out"
                || path == "/interface-language" || path == "/interface-theme" || uri.Query.Contains("ui=", StringComparison.Ordinal))
            {
                // Framework files and static assets hold no documents; signing out and switching the language or
                // the theme change the session under a crawl that sends several requests at once.
                continue;
            }
            links.Add(uri.PathAndQuery);
        }
        return links;
    }

    /// <summary>The answer without what differs between two portals for reasons other than their documents.</summary>
    private static string Normalize(string text, Uri baseAddress)
    {
        text = text.Replace(baseAddress.GetLeftPart(UriPartial.Authority), "{origin}", StringComparison.Ordinal);
        text = text.Replace(baseAddress.Authority, "{host}", StringComparison.Ordinal);
        text = BlazorMarker().Replace(text, "<!--Blazor-->");
        text = Token().Replace(text, "${name}=\"{token}\"");
        text = Guid().Replace(text, "{guid}");
        text = Secret().Replace(text, "{secret}");
        text = GeneratedId().Replace(text, "${before}{id}${after}");
        text = Timestamp().Replace(text, "{time}");
        // The registry's theme-switch samples set the theme cookie while other requests are under way.
        text = ThemeAttribute().Replace(text, "");
        return text;
    }

    private static string Difference(string left, string right)
    {
        var at = 0;
        while (at < left.Length && at < right.Length && left[at] == right[at])
        {
            at++;
        }
        static string Around(string s, int i) => s.Substring(Math.Max(0, i - 120), Math.Min(s.Length - Math.Max(0, i - 120), 240)).ReplaceLineEndings(" ");
        return $"with them: …{Around(left, at)}…\n  without: …{Around(right, at)}…";
    }

    [GeneratedRegex(" data-theme=\"[a-z]+\"")]
    private static partial Regex ThemeAttribute();

    [GeneratedRegex("(?:href|src|action)\\s*=\\s*\"(?<url>[^\"]*)\"|<loc>(?<url>[^<]*)</loc>|\"(?<url>(?:https?://127\\.0\\.0\\.1:\\d+)?/[^\"\\s]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex("\\.(?:css|js|mjs|map|png|svg|ico|jpg|gif|webp|woff2?|ttf|webmanifest)$", RegexOptions.IgnoreCase)]
    private static partial Regex StaticAsset();

    [GeneratedRegex("<!--Blazor[^\\n]*?-->", RegexOptions.Singleline)]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("(?<name>nonce)=\"[^\"]*\"|(?<name>value|content)=\"(?:CfDJ8|[A-Za-z0-9+/_-]{40,}={0,2})[^\"]*\"")]
    private static partial Regex Token();

    /// <summary>Element ids MudBlazor makes up per render (mudtable_x98almp3, selecti9atd4lj), and the trace id of a problem.</summary>
    [GeneratedRegex("(?<before>mudtable_|select)[a-z0-9]{8}(?<after>)|(?<before>\\s[a-z-]+=\"#?[a-zA-Z_-]*?)[a-z0-9]{8}(?<after>(?:-[a-z]+)*\")|(?<before>\"traceId\":\")[^\"]*(?<after>\")")]
    private static partial Regex GeneratedId();

    /// <summary>A new authenticator key, shown on the two-factor set-up page, and its otpauth address; a generated PDF's dates and id.</summary>
    [GeneratedRegex("id=\"authenticator-key\">[^<]*|otpauth://[^\"<\\s]*|data:image/[^\"]*|\\(D:\\d{14}[^)]*\\)|/ID \\[[^\\]]*\\]")]
    private static partial Regex Secret();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\b[0-9a-f]{32}\\b")]
    private static partial Regex Guid();

    [GeneratedRegex("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?|[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT")]
    private static partial Regex Timestamp();
}
