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

    private async Task PublishAsync(string symbol, string body, string? footnote = null, bool publish = true)
    {
        var version = new VersionDraft { Language = "en", Title = $"Letter {symbol}", Body = body };
        if (footnote is not null)
        {
            version.Footnotes.Add(new FootnoteDraft { Number = 1, Text = footnote });
        }
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", new DocumentDraft { Symbols = symbol, AgendaItems = "GA/75/71", Versions = [version] });
        Assert.True(registered.Outcome == EditOutcome.Saved, string.Join("; ", registered.Errors.Values));
        if (publish)
        {
            await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision);
        }
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

    [Fact]
    public async Task TheNotHeldPageAndThenTheCitedDocumentListTheDocumentsCitingItInTheirText()
    {
        await PublishAsync("A/75/9961", "Nothing cited in the body.[^1]", footnote: "As in A/75/9963, annex.");
        await PublishAsync("A/75/9962", "A draft that cites A/75/9963 too.", publish: false);
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };

        var notHeld = await visitor.GetAsync("/A/75/9963", TestContext.Current.CancellationToken);
        var notHeldPage = await notHeld.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, notHeld.StatusCode);
        Assert.Contains("id=\"cited-by-heading\"", notHeldPage);
        Assert.Matches("<a href=\"/A/75/9961\" class=\"reference held\">A/75/9961</a>", notHeldPage);
        Assert.DoesNotContain("A/75/9962", notHeldPage);
        var nobodyCites = await (await visitor.GetAsync("/A/75/9969", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("cited-by-heading", nobodyCites);

        await PublishAsync("A/75/9963", "Registered after it was cited.");

        var cited = await visitor.GetStringAsync("/A/75/9963", TestContext.Current.CancellationToken);
        var references = cited[cited.IndexOf("id=\"references-heading\"", StringComparison.Ordinal)..];
        Assert.Matches("Referred to by</h3>\\s*<ul>\\s*<li><a href=\"/A/75/9961\" class=\"reference held\">A/75/9961</a>", references);
        Assert.DoesNotContain("A/75/9962", references);
    }
}
