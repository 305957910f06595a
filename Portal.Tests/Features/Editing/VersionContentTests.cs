using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Editing;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Editing;

/// <summary>
/// Annexes, signatures, footnotes and cross-references edited through <see cref="DocumentEditor"/> on the real
/// portal: saved, shown on the public page, read back into the form, removed again; cross-references resolved
/// to a held document or "not held"; and hostile markup in every field reaching the public page only as text.
/// </summary>
public sealed class VersionContentTests(VersionContentTests.App app) : IClassFixture<VersionContentTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private DocumentEditor Editor => app.Services.GetRequiredService<DocumentEditor>();

    private static DocumentDraft Draft(string symbol, VersionDraft version) => new()
    {
        Symbols = symbol,
        Kind = DocumentKind.Letter,
        IssuedOn = new DateOnly(2025, 10, 1),
        OriginalLanguage = "en",
        AgendaItems = "GA/75/71",
        Versions = [version],
    };

    private static VersionDraft LetterWithAnnexes() => new()
    {
        Language = "en",
        Title = "Letter about lighthouses",
        Body = "The lighthouse letter[^1].",
        Annexes =
        [
            new AnnexDraft { Heading = "Annex to the lighthouse letter", Title = "Statement on beacons", Body = "Beacon statement text[^1]." },
            new AnnexDraft { Heading = "Enclosure about foghorns", Body = "Foghorn enclosure text.", EnclosureOf = 1 },
        ],
        Signatories =
        [
            new SignatoryDraft { Name = "Keeper Quillon", Function = "Ambassador\nPermanent Representative" },
            new SignatoryDraft { Name = "Minister Brightwater", Function = "Minister for Foreign Affairs", Annex = 1 },
        ],
        Footnotes =
        [
            new FootnoteDraft { Number = 1, Text = "Letter footnote about lamps." },
            new FootnoteDraft { Number = 1, Text = "Annex footnote about lenses.", Annex = 1 },
        ],
    };

    private async Task<int> PublishAsync(DocumentDraft draft)
    {
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft);
        Assert.True(registered.Outcome == EditOutcome.Saved, string.Join("; ", registered.Errors.Select(e => $"{e.Key}: {e.Value}")));
        var published = await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision);
        Assert.Equal(EditOutcome.Saved, published.Outcome);
        return registered.DocumentId!.Value;
    }

    [Fact]
    public async Task AnnexesSignaturesFootnotesAndReferencesAreSavedShownPubliclyAndReadBack()
    {
        var draft = Draft("A/75/9101", LetterWithAnnexes());
        draft.References = [new ReferenceDraft { Relation = ReferenceRelation.RepliesTo, Symbol = "a/75/778" }, new ReferenceDraft { Symbol = "A/75/99999" }];
        var id = await PublishAsync(draft);
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };

        var page = await new HtmlParser().ParseDocumentAsync(await visitor.GetStringAsync("/A/75/9101"));

        Assert.Equal(["Annex to the lighthouse letter", "Enclosure about foghorns"], page.QuerySelectorAll(".annex-heading").Select(h => h.TextContent));
        Assert.NotNull(page.QuerySelector("#annex-section-1 .enclosure #annex-2"));
        Assert.Contains("Keeper Quillon", page.QuerySelector(".un-document > .signatories")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Minister Brightwater", page.QuerySelector("#annex-section-1 > .signatories")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Letter footnote about lamps.", page.QuerySelector(".un-document > .footnotes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Annex footnote about lenses.", page.QuerySelector("#annex-section-1 > .footnotes")!.TextContent, StringComparison.Ordinal);
        var references = page.QuerySelector(".references")!;
        Assert.Contains(references.QuerySelectorAll("a.reference.held"), a => a.TextContent == "A/75/778");
        Assert.Contains(references.QuerySelectorAll("a.reference.external"), a => a.TextContent == "A/75/99999");

        var loaded = (await Editor.LoadAsync(Viewers.Secretariat, id))!;
        var version = loaded.Draft.Versions.Single();
        Assert.Equal([null, 1], version.Annexes.Select(a => a.EnclosureOf));
        Assert.Equal([null, 1], version.Signatories.Select(s => s.Annex));
        Assert.Equal("Ambassador\nPermanent Representative", version.Signatories[0].Function);
        Assert.Equal([(ReferenceRelation.RepliesTo, "A/75/778"), (ReferenceRelation.RefersTo, "A/75/99999")], loaded.Draft.References.Select(r => (r.Relation, r.Symbol)));

        // Removing the second annex and the references takes them off the public page.
        version.Annexes.RemoveAt(1);
        loaded.Draft.References.Clear();
        var saved = await Editor.SaveAsync(Viewers.Secretariat, "editor@un.example", id, loaded.Revision, loaded.Draft);
        Assert.Equal(EditOutcome.Saved, saved.Outcome);
        var after = await visitor.GetStringAsync("/A/75/9101");
        Assert.DoesNotContain("Enclosure about foghorns", after, StringComparison.Ordinal);
        Assert.DoesNotContain("A/75/99999", after, StringComparison.Ordinal);
        Assert.Contains("Minister Brightwater", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACitedSymbolResolvesToTheHeldDocumentOrIsMarkedNotHeld()
    {
        var targets = await Editor.ResolveReferencesAsync(Viewers.Secretariat, ["a/75/778", "A/75/99998", "not a symbol"]);

        Assert.True(targets[0]!.IsHeld);
        Assert.Contains("A/75/778", targets[0]!.Symbols, StringComparison.Ordinal);
        Assert.False(targets[1]!.IsHeld);
        Assert.Null(targets[2]);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Editor.ResolveReferencesAsync(Viewers.Delegation, ["A/75/778"]));
    }

    [Fact]
    public async Task InvalidAnnexesSignaturesFootnotesAndReferencesAreRefusedNextToTheirFields()
    {
        var version = LetterWithAnnexes();
        version.Annexes[0].Heading = " ";
        version.Annexes[1].EnclosureOf = 2;
        version.Signatories[0].Name = "";
        version.Signatories[1].Annex = 5;
        version.Footnotes.Add(new FootnoteDraft { Number = 1, Text = "" });
        var draft = Draft("A/75/9102", version);
        draft.References = [new ReferenceDraft { Symbol = "nonsense" }];

        var result = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(
            ["References[0].Symbol", "Versions[0].Annexes[0].Heading", "Versions[0].Annexes[1].EnclosureOf", "Versions[0].Footnotes[2].Number", "Versions[0].Footnotes[2].Text",
             "Versions[0].Signatories[0].Name", "Versions[0].Signatories[1].Annex"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/A/75/9102")).StatusCode);
    }

    private const string Script = "<script>alert('xss')</script>";

    /// <summary>A version whose every field carries markup that would run script if it were ever emitted as HTML.</summary>
    internal static VersionDraft Hostile() => new()
    {
        Language = "en",
        Title = $"Hostile title {Script}",
        Body = $"Body {Script} <img src=x onerror=alert(1)> <iframe src=\"https://evil.example\"></iframe> [click](javascript:alert(1)) <a href=\"javascript:alert(2)\">raw</a> ![pic](https://evil.example/x.png) <svg onload=alert(3)>",
        Annexes = [new AnnexDraft { Heading = $"Annex <svg onload=alert(4)>", Title = $"Annex title {Script}", Body = $"[annex](javascript:alert(5)) {Script}" }],
        Signatories = [new SignatoryDraft { Name = $"Signer {Script}", Function = "<img src=x onerror=alert(6)>" }, new SignatoryDraft { Name = "<b onmouseover=alert(7)>Annex signer</b>", Annex = 1 }],
        Footnotes = [new FootnoteDraft { Number = 1, Text = $"Note {Script} [x](javascript:alert(8))" }],
    };

    /// <summary>Fails when the markup holds anything that could run script: an inline script with the hostile text or a script from elsewhere (the portal's own scripts are same-site), an on* handler, a javascript: URL, or an embedding element.</summary>
    internal static void AssertNoInjectedScript(IParentNode markup)
    {
        var elements = markup.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.LocalName == "script" && (e.TextContent.Contains("alert", StringComparison.Ordinal) || e.GetAttribute("src") is { } src && (src.Contains(':', StringComparison.Ordinal) || src.StartsWith("//", StringComparison.Ordinal))));
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.LocalName is "iframe" or "img" or "object" or "embed");
        // MudBlazor's icons are inline SVG; the document itself has none.
        Assert.Empty(markup.QuerySelectorAll(".un-document svg"));
        Assert.NotEmpty(markup.QuerySelectorAll(".un-document"));
    }

    [Fact]
    public async Task HostileMarkupInTitlesBodiesAnnexesAndSignatoriesReachesThePublicPageOnlyAsText()
    {
        await PublishAsync(Draft("A/75/9103", Hostile()));
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };

        var html = await visitor.GetStringAsync("/A/75/9103");
        var page = await new HtmlParser().ParseDocumentAsync(html);

        AssertNoInjectedScript(page);
        Assert.Contains($"Hostile title {Script}", page.QuerySelector("#document-title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Signer {Script}", page.QuerySelector(".signatories")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<svg onload=alert(4)>", page.QuerySelector(".annex-heading")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>The editor's preview renders a draft with the public page's components; hostile markup stays text there too.</summary>
public sealed class VersionPreviewTests : MudTestContext
{
    private static DocumentDraft DraftOf(VersionDraft version) => new() { Symbols = "A/75/9104", Versions = [version] };

    [Fact]
    public void HostileMarkupInThePreviewIsShownAsTextAndRunsNothing()
    {
        var version = VersionContentTests.Hostile();

        var preview = Render<VersionPreview>(p => p.Add(c => c.Draft, DraftOf(version)).Add(c => c.Version, version));

        VersionContentTests.AssertNoInjectedScript(preview.Nodes.QuerySelector("section")!);
        Assert.Contains("Hostile title <script>alert('xss')</script>", preview.Find("#document-title").TextContent, StringComparison.Ordinal);
        Assert.Contains("Signer <script>", preview.Find(".signatories").TextContent, StringComparison.Ordinal);
        Assert.Equal("A/75/9104", preview.Find(".un-symbols").TextContent.Trim());
    }

    [Fact]
    public void ThePreviewFollowsTheDraftWithTheSameRendererAsThePublicPage()
    {
        var version = new VersionDraft { Language = "fr", Title = "Lettre", Body = "Texte **gras**[^2].", Footnotes = [new FootnoteDraft { Number = 2, Text = "Note deux." }] };
        var draft = DraftOf(version);
        var preview = Render<VersionPreview>(p => p.Add(c => c.Draft, draft).Add(c => c.Version, version));
        var renderer = Services.GetRequiredService<Portal.Infrastructure.MarkdownRenderer>();

        preview.Find(".markdown-body").InnerHtml.MarkupMatches(renderer.Render(version.Body, "letter", Portal.Features.Documents.HeaderText.For(version.Language).FootnoteCallLabel));
        Assert.Equal("Note deux.", preview.Find(".footnotes li").TextContent.Replace("↩", "").Trim());

        version.Annexes.Add(new AnnexDraft { Heading = "Annexe", Body = "Texte de l’annexe." });
        version.Signatories.Add(new SignatoryDraft { Name = "Jeanne Dupont", Annex = 1 });
        preview.Render(p => p.Add(c => c.Draft, draft).Add(c => c.Version, version));

        Assert.Equal("Annexe", preview.Find("#annex-1").TextContent);
        Assert.Contains("(Signé)", preview.Find("#annex-section-1 .signatories").TextContent, StringComparison.Ordinal);
    }
}
