using System.Text.RegularExpressions;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Home;

/// <summary>The home page caches its per-session counts; a document saved through the portal shows at once.</summary>
public class HomePageCountsTests(HomePageCountsTests.Fixture fixture) : IClassFixture<HomePageCountsTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private async Task<int?> CountOnHomePageAsync(string sessionLabel)
    {
        using var client = fixture.CreateClient();
        var html = await client.GetStringAsync("/");
        var match = Regex.Match(html, Regex.Escape(sessionLabel) + @"</a>\s*<span class=""count""[^>]*>(?:<span[^>]*>)?(\d+)</span>");
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    [Fact]
    public async Task ANewDocumentIsCountedOnTheNextRequest()
    {
        var before = await CountOnHomePageAsync("General Assembly, 75th session");
        Assert.NotNull(before);
        Assert.Null(await CountOnHomePageAsync("General Assembly, 61st session"));

        await TestDocuments.AddAsync(fixture.Services, "A/75/4242", session: 75);
        await TestDocuments.AddAsync(fixture.Services, "A/61/4242", session: 61);

        Assert.Equal(before + 1, await CountOnHomePageAsync("General Assembly, 75th session"));
        Assert.Equal(1, await CountOnHomePageAsync("General Assembly, 61st session"));
    }
}
