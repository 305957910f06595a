using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Storage;

namespace Portal.Tests.Support;

/// <summary>Documents and files a test adds to a running portal, through the portal's own context and commands.</summary>
public static class TestDocuments
{
    /// <summary>Adds a document with one language version under the given GA session and agenda item (created when missing); returns the version id.</summary>
    public static async Task<int> AddAsync(
        IServiceProvider services, string symbol, string language = "en", int session = 80, int agendaItem = 5,
        PublicationStatus status = PublicationStatus.Published, Distribution distribution = Distribution.General,
        string body = "Test body.")
    {
        await using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        return await AddAsync(db, symbol, language, session, agendaItem, status, distribution, body);
    }

    /// <summary>The same, through a context the caller holds (inside a transaction it has begun, for instance).</summary>
    public static async Task<int> AddAsync(
        PortalDbContext db, string symbol, string language = "en", int session = 80, int agendaItem = 5,
        PublicationStatus status = PublicationStatus.Published, Distribution distribution = Distribution.General,
        string body = "Test body.")
    {
        var gaSession = await db.Sessions.Include(s => s.AgendaItems).FirstOrDefaultAsync(s => s.Organ == Organ.GeneralAssembly && s.Number == session);
        if (gaSession is null)
        {
            gaSession = new Session { Organ = Organ.GeneralAssembly, Number = session };
            db.Sessions.Add(gaSession);
        }
        var item = gaSession.AgendaItems.FirstOrDefault(a => a.Number == agendaItem);
        if (item is null)
        {
            item = new AgendaItem { Number = agendaItem, Titles = [new AgendaItemTitle { Language = "en", Title = $"Test item {agendaItem}" }] };
            gaSession.AgendaItems.Add(item);
        }
        var document = new Document
        {
            Kind = DocumentKind.Letter,
            Status = status,
            Distribution = distribution,
            IssuedOn = new DateOnly(2025, 10, 1),
            CreatedAt = DateTimeOffset.UtcNow,
            Sessions = [new DocumentSession { Session = gaSession }],
            AgendaItems = [new DocumentAgendaItem { AgendaItem = item }],
        };
        document.UpdateListedOn();
        document.SetSymbols([UnSymbol.Parse(symbol)]);
        var version = new LanguageVersion { Language = language, Title = $"Test document {symbol}", BodyMarkdown = body, UpdatedAt = DateTimeOffset.UtcNow };
        document.LanguageVersions.Add(version);
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return version.Id;
    }

    /// <summary>Random bytes that start like a PDF, so media-type sniffers agree; returns them with their SHA-256.</summary>
    public static (byte[] Bytes, string Sha256) FakePdf(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    public static Task<StoredFile> AttachAsync(IServiceProvider services, int versionId, FileFormat format, byte[] bytes, string fileName, string mediaType) =>
        services.GetRequiredService<DocumentFileCommands>().AttachAsync(versionId, format, fileName, mediaType, new MemoryStream(bytes));
}
