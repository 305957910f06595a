using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;
using Portal.Storage;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Access;

/// <summary>
/// A document the security crawler plants: every text of it (symbol, title, body, annex, signatory, file)
/// carries a word found nowhere else, so a response that holds any of them gave the document away.
/// </summary>
/// <param name="StoredPdf">Whether its language versions have stored PDFs; without, the portal generates them (with Chromium).</param>
public sealed record CrawledDocument(string Name, string Symbol, Distribution Distribution, PublicationStatus Status, bool StoredPdf)
{
    public string TitleWord => $"zq{Name}title";

    public string BodyWord => $"zq{Name}body";

    public string AnnexWord => $"zq{Name}annex";

    public string SignatoryWord => $"Zq{Name}signer";

    public string FileWord => $"zq{Name}file";

    /// <summary>The words a viewer who may see the document finds somewhere while crawling (the file's only when one is stored).</summary>
    public IEnumerable<string> Markers => StoredPdf ? [TitleWord, BodyWord, AnnexWord, SignatoryWord, FileWord] : [TitleWord, BodyWord, AnnexWord, SignatoryWord];

    public const string NamedState = "Demoland";

    public const string OtherState = "Ruritania";

    /// <summary>In this order, so each gets the same id in every world that holds it (1, 2, 3, …).</summary>
    public static IReadOnlyList<CrawledDocument> All { get; } =
    [
        new("general", "A/80/4710", Distribution.General, PublicationStatus.Published, StoredPdf: true),
        new("limited", "A/C.3/80/L.4711", Distribution.Limited, PublicationStatus.Published, StoredPdf: true),
        new("restricted", "A/80/R.4712", Distribution.Restricted, PublicationStatus.Published, StoredPdf: true),
        new("draft", "A/80/4713", Distribution.General, PublicationStatus.Draft, StoredPdf: false),
        new("withdrawn", "A/80/4714", Distribution.General, PublicationStatus.Withdrawn, StoredPdf: false),
    ];
}

/// <summary>The roles the crawler signs in as.</summary>
public enum CrawlerRole
{
    Anonymous,
    NamedStateDelegation,
    OtherStateDelegation,
    Editor,
    Administrator,
}

/// <summary>
/// A portal on real Kestrel holding the sessions and agenda items of the crawl (GA 80 items 5 and 6, GA 81
/// item 5) and the given <see cref="CrawledDocument"/>s, with one signed-in client per role. The crawler
/// compares a world holding every document with worlds holding only what a role may see: a document hidden
/// from a viewer must leave every answer exactly as if it did not exist.
/// </summary>
public sealed class CrawlerWorld(IReadOnlyList<CrawledDocument> documents) : AccountsAppFactory
{
    private static readonly DateTimeOffset Fixed = new(2025, 10, 1, 9, 0, 0, TimeSpan.Zero);

    protected override bool SeedDemoData => false;

    public IReadOnlyList<CrawledDocument> Documents => documents;

    public Uri BaseAddress { get; private set; } = null!;

    public Dictionary<CrawlerRole, HttpClient> Clients { get; } = [];

    public Dictionary<string, int> Ids { get; } = [];

    private readonly List<AccountClient> _accounts = [];

    public async Task StartAsync()
    {
        BaseAddress = StartKestrel();
        await SeedAsync();
        Clients[CrawlerRole.Anonymous] = Add(new AccountClient(BaseAddress)).Http;
        Clients[CrawlerRole.NamedStateDelegation] = await SignedInAsync("delegate@demoland.example", PortalRoles.Delegation, CrawledDocument.NamedState);
        Clients[CrawlerRole.OtherStateDelegation] = await SignedInAsync("delegate@ruritania.example", PortalRoles.Delegation, CrawledDocument.OtherState);
        Clients[CrawlerRole.Editor] = await SignedInAsync("editor@un.example", PortalRoles.Editor, null, twoFactor: true);
        Clients[CrawlerRole.Administrator] = await SignedInAsync("admin@un.example", PortalRoles.Administrator, null, twoFactor: true);
    }

    private AccountClient Add(AccountClient client)
    {
        _accounts.Add(client);
        return client;
    }

    private async Task<HttpClient> SignedInAsync(string email, string role, string? memberState, bool twoFactor = false)
    {
        var account = await TestAccounts.CreateAsync(Services, email, role, memberState, twoFactor);
        var client = Add(new AccountClient(BaseAddress));
        var response = await client.SignInAsync(account.Email, account.Password, account.AuthenticatorKey);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client.Http;
    }

    private async Task SeedAsync()
    {
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Sessions.Add(new Session { Organ = Organ.GeneralAssembly, Number = 80, AgendaItems = [Item(5, "Crawler item five"), Item(6, "Crawler item six")] });
            db.Sessions.Add(new Session { Organ = Organ.GeneralAssembly, Number = 81, AgendaItems = [Item(5, "Crawler item five of the next session")] });
            await db.SaveChangesAsync();
        }
        foreach (var document in documents)
        {
            Ids[document.Name] = await AddAsync(document);
        }
        // Saving stamps the time of the change, and lists of changes (OAI-PMH, the API's changes) show only changes
        // older than SettledChanges.Margin: a crawl begun right after seeding met the documents in one world and not
        // yet in its twin, seeded a second later. Every planted document changed at the same fixed time instead.
        await using var stamps = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await stamps.Documents.ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, Fixed));
    }

    private static AgendaItem Item(int number, string title) => new() { Number = number, Titles = [new AgendaItemTitle { Language = "en", Title = title }] };

    private async Task<int> AddAsync(CrawledDocument planted)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var sessions = await db.Sessions.Include(s => s.AgendaItems).ToListAsync();
        var session = sessions.Single(s => s.Number == (planted.Status == PublicationStatus.Withdrawn ? 81 : 80));
        List<AgendaItem> items = planted.Distribution == Distribution.Restricted
            ? [.. session.AgendaItems.OrderBy(a => a.Number)]
            : [session.AgendaItems.Single(a => a.Number == 5)];
        var document = new Document
        {
            Kind = DocumentKind.Letter,
            Status = planted.Status,
            Distribution = planted.Distribution,
            IssuedOn = new DateOnly(2025, 10, 1),
            OriginalLanguage = "en",
            Sender = "Crawler mission",
            CreatedAt = Fixed,
            PublishedAt = planted.Status == PublicationStatus.Draft ? null : Fixed,
            Sessions = [new DocumentSession { Session = session }],
            AgendaItems = [.. items.Select((a, i) => new DocumentAgendaItem { AgendaItem = a, Position = i })],
            MemberStates = planted.Distribution == Distribution.Restricted ? [new DocumentMemberState { MemberState = CrawledDocument.NamedState }] : [],
        };
        document.UpdateListedOn();
        document.SetSymbols([UnSymbol.Parse(planted.Symbol)]);
        if (planted.Name != "general")
        {
            // Every hidden document answers the public one: "replied to by" must not give it away.
            document.AddReference(ReferenceRelation.RepliesTo, CrawledDocument.All[0].Symbol);
        }
        foreach (var language in new[] { "en", "fr" })
        {
            document.LanguageVersions.Add(new LanguageVersion
            {
                Language = language,
                Title = $"Letter {language} of the crawler mission {planted.TitleWord}",
                BodyMarkdown = $"The crawler mission writes {planted.BodyWord} in {language}.",
                UpdatedAt = Fixed,
                Annexes = [new Annex { Position = 0, Heading = "Annex", Title = "Crawler annex", BodyMarkdown = $"Annexed {planted.AnnexWord} text." }],
                Signatories = [new Signatory { Position = 0, Name = $"Ambassador {planted.SignatoryWord}", Function = "Permanent Representative" }],
                Footnotes = [new Footnote { Number = 1, TextMarkdown = "A crawler footnote." }],
            });
        }
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        if (planted.StoredPdf)
        {
            foreach (var version in document.LanguageVersions)
            {
                var bytes = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {planted.FileWord} {version.Language}\n%%EOF\n");
                await Services.GetRequiredService<DocumentFileCommands>().AttachAsync(version.Id, FileFormat.Pdf, $"{planted.Name}-{version.Language}.pdf", "application/pdf", new MemoryStream(bytes));
            }
        }
        return document.Id;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _accounts)
        {
            client.Dispose();
        }
        await base.DisposeAsync();
    }
}
