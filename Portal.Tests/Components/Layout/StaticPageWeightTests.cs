using System.Text.RegularExpressions;
using Portal.Tests.Support;

namespace Portal.Tests.Components.Layout;

/// <summary>
/// The pages of links and text are served by static server rendering, with no circuit to hand state to.
/// A <c>[PersistentState]</c> property on them still wrote the page's data into the response, encrypted and so
/// incompressible: 35 KB of the search page's 37 KB on the wire, which delayed a phone's first paint.
/// What stays is Blazor's own (the antiforgery token it keeps for interactive islands), about 1 KB.
/// </summary>
public class StaticPageWeightTests(StaticPageWeightTests.Fixture fixture) : IClassFixture<StaticPageWeightTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    [Theory]
    [InlineData("/")]
    [InlineData("/sessions")]
    [InlineData("/sessions/ga/75")]
    [InlineData("/sessions/ga/75/items/71")]
    [InlineData("/A/75/778")]
    [InlineData("/documents/1")]
    [InlineData("/search?q=Demoland")]
    public async Task StaticPagesCarryNoPersistedComponentState(string path)
    {
        using var client = fixture.CreateClient();
        var html = await client.GetStringAsync(path);

        Assert.Contains("</html>", html);
        var state = Regex.Matches(html, "<!--Blazor-[A-Za-z]+-Component-State:[^-]*-->").Sum(m => m.Length);
        Assert.True(state < 2_000, $"{path} carries {state:N0} characters of persisted component state");
    }
}
