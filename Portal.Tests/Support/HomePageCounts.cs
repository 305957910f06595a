using System.Text.RegularExpressions;

namespace Portal.Tests.Support;

/// <summary>The document counts the home page shows beside each session, as a visitor reads them.</summary>
public static partial class HomePageCounts
{
    public const string Session75 = "General Assembly, 75th session";

    /// <summary>The count beside <paramref name="session"/> on the home page <paramref name="client"/> reaches; null when there is none.</summary>
    public static async Task<int?> OfAsync(HttpClient client, string session = Session75)
    {
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var match = CountAfter().Match(html[(html.IndexOf(session, StringComparison.Ordinal) is var i and >= 0 ? i : 0)..]);
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"</a>\s*<span class=""count""[^>]*>(?:<span[^>]*>)?(\d+)</span>")]
    private static partial Regex CountAfter();
}
