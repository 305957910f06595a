using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Editing;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Editing;

/// <summary>
/// The editor's workflow on the real portal and database: register, publish, correct, derestrict,
/// withdraw, each visible (or not) to the public over HTTP, each written to the audit log; and two
/// editors saving the same revision, where the second is refused and nothing is overwritten.
/// </summary>
public sealed class DocumentEditorTests(DocumentEditorTests.App app) : IClassFixture<DocumentEditorTests.App>
{
    public sealed class App : AccountsAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private DocumentEditor Editor => app.Services.GetRequiredService<DocumentEditor>();

    private AuditLog Audit => app.Services.GetRequiredService<AuditLog>();

    private static readonly Viewer Administrator = Viewer.From(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.NameIdentifier, "admin-1"), new(System.Security.Claims.ClaimTypes.Role, PortalRoles.Administrator), new(Viewer.TwoFactorClaim, "true")], "test")));

    private static DocumentDraft Draft(string symbol, string marker, Distribution distribution = Distribution.General, string? states = null) => new()
    {
        Symbols = symbol,
        Kind = DocumentKind.Letter,
        Distribution = distribution,
        MemberStates = states,
        IssuedOn = new DateOnly(2025, 10, 1),
        OriginalLanguage = "en",
        Sender = "Demoland",
        AgendaItems = "GA/75/71",
        Versions =
        [
            new VersionDraft { Language = "en", Title = $"Letter about {marker}", Body = $"The {marker} text." },
            new VersionDraft { Language = "zh", Title = $"关于{marker}的信", Body = $"{marker} 中文正文。" },
        ],
    };

    [Fact]
    public async Task ARegisteredDraftIsHiddenUntilPublishedAndTheAuditLogSaysWhoDidWhat()
    {
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", Draft("A/75/9001", "zebracrossing"));
        Assert.Equal(EditOutcome.Saved, registered.Outcome);
        using var visitor = new AccountClient(app.BaseAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/A/75/9001")).StatusCode);

        var published = await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision);

        Assert.Equal(EditOutcome.Saved, published.Outcome);
        Assert.Contains("zebracrossing", await visitor.GetStringAsync("/A/75/9001"), StringComparison.Ordinal);
        Assert.Contains("zebracrossing", await visitor.GetStringAsync("/zh/A/75/9001"), StringComparison.Ordinal);
        Assert.Contains("A/75/9001", await visitor.GetStringAsync("/sessions/ga/75/items/71?sort=date&dir=desc"), StringComparison.Ordinal);
        var (history, _) = await Audit.ListAsync(Administrator, null, registered.DocumentId, 0, 10);
        Assert.Equal(["publish", "register"], history.Select(h => h.Action));
        Assert.All(history, h => Assert.Equal("editor@un.example", h.UserEmail));
        Assert.Contains("\"Status\": 1", history[0].Before, StringComparison.Ordinal);
        Assert.Contains("\"Status\": 2", history[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidInputIsRefusedNextToItsFieldAndNothingIsSaved()
    {
        var draft = Draft("not a symbol", "invalid", Distribution.Restricted);
        draft.Versions[1].Title = "";
        draft.AgendaItems = "GA/75/9999";

        var result = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("Symbols", result.Errors.Keys);
        Assert.Contains("MemberStates", result.Errors.Keys);
        Assert.Contains("AgendaItems", result.Errors.Keys);
        Assert.Contains("Versions[1].Title", result.Errors.Keys);

        var duplicate = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", Draft("A/75/778", "duplicate"));
        Assert.Contains("already belongs", duplicate.Errors["Symbols"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CharactersThatAreNotTextAreRefusedWithWhereTheyStandAndNothingIsSaved()
    {
        var draft = Draft("A/75/9101", "controls");
        draft.Versions[0].Body = "First line.\nSecond \u000Bline.";
        draft.Versions[1].Title = "关于\uFFFE的信";
        draft.Versions[0].Annexes = [new AnnexDraft { Heading = "Annex\u0007", Body = "Text." }];
        draft.Versions[0].Signatories = [new SignatoryDraft { Name = "A. Person", Function = "Ambassador\uD800" }];
        draft.Sender = "Demo\u0000land";

        var result = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("U+000B, line 2, column 8", result.Errors["Versions[0].Body"], StringComparison.Ordinal);
        Assert.Contains("U+FFFE, line 1, column 3", result.Errors["Versions[1].Title"], StringComparison.Ordinal);
        Assert.Contains("U+0007", result.Errors["Versions[0].Annexes[0].Heading"], StringComparison.Ordinal);
        Assert.Contains("U+D800", result.Errors["Versions[0].Signatories[0].Function"], StringComparison.Ordinal);
        Assert.Contains("U+0000", result.Errors["Sender"], StringComparison.Ordinal);
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            Assert.False(await db.DocumentSymbols.AnyAsync(s => s.Value == "A/75/9101", TestContext.Current.CancellationToken));
        }

        draft.Versions[0].Body = "First line.\n\tSecond line, with a tab.\r\n";
        draft.Versions[1].Title = "关于𠀀的信";
        draft.Versions[0].Annexes[0].Heading = "Annex";
        draft.Versions[0].Signatories[0].Function = "Ambassador";
        draft.Sender = "Demoland";
        Assert.Equal(EditOutcome.Saved, (await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft)).Outcome);
    }

    [Fact]
    public async Task AStoredTitleWithCharactersXmlCannotCarryLeavesTheFeedAndOaiReadable()
    {
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", Draft("A/75/9102", "xmlproof"));
        Assert.True(registered.Outcome == EditOutcome.Saved, string.Join("; ", registered.Errors.Select(e => $"{e.Key}: {e.Value}")));
        var id = registered.DocumentId!.Value;
        Assert.Equal(EditOutcome.Saved, (await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", id, registered.Revision)).Outcome);
        // As a database from before the editor refused them, or an imported one, may hold.
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            var version = await db.LanguageVersions.SingleAsync(v => v.DocumentId == id && v.Language == "en", TestContext.Current.CancellationToken);
            version.Title = "Letter about xmlproof\uFFFF and\u0001 more";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        using var visitor = new AccountClient(app.BaseAddress);

        foreach (var path in new[] { "/feeds/sessions/ga/75", $"/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:{app.BaseAddress.Host}:{id}" })
        {
            using var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Contains(xml.Descendants(), e => !e.HasElements && e.Value.EndsWith("Letter about xmlproof\uFFFD and\uFFFD more", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsSavingTheSameRevisionGetsAConflictWithTheFirstOnesText()
    {
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "one@un.example", Draft("A/75/9002", "original"));
        var id = registered.DocumentId!.Value;
        var first = Draft("A/75/9002", "firsteditor");
        var second = Draft("A/75/9002", "secondeditor");

        var saved = await Editor.SaveAsync(Viewers.Secretariat, "one@un.example", id, registered.Revision, first);
        var refused = await Editor.SaveAsync(Viewers.Secretariat, "two@un.example", id, registered.Revision, second);

        Assert.Equal(EditOutcome.Saved, saved.Outcome);
        Assert.Equal(EditOutcome.Conflict, refused.Outcome);
        Assert.Contains("firsteditor", refused.Current!.Versions[0].Title, StringComparison.Ordinal);
        var stored = await Editor.LoadAsync(Viewers.Secretariat, id);
        Assert.Contains("firsteditor", stored!.Draft.Versions[0].Body, StringComparison.Ordinal);

        // Saving again from the revision the conflict reported keeps the second editor's text.
        Assert.Equal(EditOutcome.Saved, (await Editor.SaveAsync(Viewers.Secretariat, "two@un.example", id, refused.Revision, second)).Outcome);
    }

    [Fact]
    public async Task ACorrigendumIsADraftThatCorrectsTheOriginalAndTheOriginalShowsIt()
    {
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", Draft("A/75/9003", "tocorrect"));
        var id = registered.DocumentId!.Value;
        await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", id, registered.Revision);

        var correction = await Editor.IssueCorrectionAsync(Viewers.Secretariat, "editor@un.example", id, ReferenceRelation.Corrects);

        Assert.Equal(EditOutcome.Saved, correction.Outcome);
        var corrigendum = await Editor.LoadAsync(Viewers.Secretariat, correction.DocumentId!.Value);
        Assert.Equal("A/75/9003/Corr.1", corrigendum!.Draft.Symbols);
        Assert.Equal(PublicationStatus.Draft, corrigendum.Status);
        Assert.Equal(["A/75/9003/Corr.1"], (await Editor.LoadAsync(Viewers.Secretariat, id))!.CorrectedBy);
        await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", corrigendum.Id, corrigendum.Revision);
        using var visitor = new AccountClient(app.BaseAddress);
        Assert.Contains("A/75/9003/Corr.1", await visitor.GetStringAsync("/A/75/9003"), StringComparison.Ordinal);

        var second = await Editor.IssueCorrectionAsync(Viewers.Secretariat, "editor@un.example", id, ReferenceRelation.Corrects);
        Assert.Equal("A/75/9003/Corr.2", (await Editor.LoadAsync(Viewers.Secretariat, second.DocumentId!.Value))!.Draft.Symbols);
    }

    [Fact]
    public async Task DerestrictingOpensARestrictedDocumentToEveryoneAndWithdrawingHidesIt()
    {
        var registered = await Editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", Draft("A/75/9004", "quarantinedtext", Distribution.Restricted, "Demoland"));
        var id = registered.DocumentId!.Value;
        var published = await Editor.PublishAsync(Viewers.Secretariat, "editor@un.example", id, registered.Revision);
        using var visitor = new AccountClient(app.BaseAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/A/75/9004")).StatusCode);

        var derestricted = await Editor.DerestrictAsync(Viewers.Secretariat, "editor@un.example", id, published.Revision);
        Assert.Equal(EditOutcome.Saved, derestricted.Outcome);
        Assert.Contains("quarantinedtext", await visitor.GetStringAsync("/A/75/9004"), StringComparison.Ordinal);

        Assert.Equal(EditOutcome.Saved, (await Editor.WithdrawAsync(Viewers.Secretariat, "editor@un.example", id, derestricted.Revision)).Outcome);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/A/75/9004")).StatusCode);
        var (history, _) = await Audit.ListAsync(Administrator, "A/75/9004", null, 0, 10);
        Assert.Equal(["withdraw", "derestrict", "publish", "register"], history.Select(h => h.Action));
    }

    [Fact]
    public async Task OnlyTheSecretariatChangesDocumentsAndOnlyAdministratorsReadTheWholeLog()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Editor.RegisterAsync(Viewers.Delegation, null, Draft("A/75/9005", "forbidden")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Editor.PublishAsync(Viewers.Public, null, 1, 0));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Audit.ListAsync(Viewers.Secretariat, null, null, 0, 10));
    }

    [Fact]
    public async Task TheEditorsPagesNeedAnEditorWithTwoFactors()
    {
        var editor = await TestAccounts.CreateAsync(app.Services, "pages.editor@un.example", PortalRoles.Editor, twoFactor: true);
        var delegation = await TestAccounts.CreateAsync(app.Services, "pages.delegate@demoland.example", PortalRoles.Delegation, "Demoland");
        using var editorClient = new AccountClient(app.BaseAddress);
        await editorClient.SignInAsync(editor.Email, editor.Password, editor.AuthenticatorKey);
        using var delegationClient = new AccountClient(app.BaseAddress);
        await delegationClient.SignInAsync(delegation.Email, delegation.Password);

        Assert.Contains("Register a document", await editorClient.GetStringAsync("/manage/documents"), StringComparison.Ordinal);
        Assert.Contains("/account/access-denied", (await delegationClient.GetAsync("/manage/documents/new")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/account/access-denied", (await editorClient.GetAsync("/manage/audit")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
