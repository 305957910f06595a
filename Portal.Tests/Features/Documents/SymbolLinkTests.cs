using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Editing;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

/// <summary>
/// A symbol mentioned in a body or footnote is a link to its permalink from the start; the permalink says the
/// portal does not hold it (with undocs.org) until a document with that symbol is registered and published, and
/// then opens it, without the citing document being saved or ingested again.
/// </summary>
public sealed class SymbolLinkTests(SymbolLinkTests.App app) : IClassFixture<SymbolLinkTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private DocumentEditor Editor => app.Services.GetRequiredService<DocumentEditor>();

    private async Task PublishAsync(string symbol, string body, string? footnote = null)
    {
        var version = new VersionDraft { Language = "en", Title = $"Letter {symbol}", Body = body };
        if (footnote is not null)
        {
            version.Footnotes.Add(new FootnoteDraft { Number = 1, Text = footnote });
        }
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", new DocumentDraft { Symbols = symbol, AgendaItems = "GA/75/71", Versions = [version] });
        Assert.True(registered.Outcome == EditOutcome.Saved, string.Join("; ", registered.Errors.Values));
        await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision);
    }

    [Fact]
    public async Task ACitedSymbolRegisteredLaterOpensFromTheLinkAlreadyInTheCitingText()
    {
        await PublishAsync("A/75/9951", "We refer to the letter A/75/9952 of last week.[^1]", footnote: "See also S/2021/9953.");
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };

        var citing = await visitor.GetStringAsync("/A/75/9951", TestContext.Current.CancellationToken);
        Assert.Matches("<a href=\"/A/75/9952\"[^>]*class=\"symbol-link\"", citing);
        Assert.Matches("<a href=\"/S/2021/9953\"[^>]*class=\"symbol-link\"", citing);
        var before = await visitor.GetAsync("/A/75/9952", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("https://undocs.org/en/A/75/9952", await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        await PublishAsync("A/75/9952", "The letter cited before it was registered.");

        var after = await visitor.GetAsync("/A/75/9952", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("The letter cited before it was registered.", await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Matches("<a href=\"/A/75/9952\"[^>]*class=\"symbol-link\"", await visitor.GetStringAsync("/A/75/9951", TestContext.Current.CancellationToken));
    }
}
