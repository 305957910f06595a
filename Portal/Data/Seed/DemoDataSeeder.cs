using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Data.Seed;

/// <summary>
/// Loads the demo data into an empty database: the real Chinese letter of 30 March 2021 that the
/// portal was built around (Data/Seed/armenia-letter-2021-03-30.*), the document it replies to, and
/// clearly fictitious demo documents (Demoland, Ruritania) that make browsing meaningful.
/// The files are embedded in the assembly so the app never reads outside its own folder.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Returns whether it loaded anything (false when the database already held data).</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        if (await db.Sessions.AnyAsync(cancellationToken) || await db.Documents.AnyAsync(cancellationToken))
        {
            return false;
        }

        var sessions = ReadResource<List<SessionSeed>>("demo-sessions.json");
        var documents = ReadResource<List<DocumentSeed>>("demo-documents.json");
        documents.Insert(0, ReadResource<DocumentSeed>("armenia-letter-2021-03-30.json"));

        var sessionByKey = new Dictionary<string, Session>(StringComparer.OrdinalIgnoreCase);
        var itemByKey = new Dictionary<string, AgendaItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var seed in sessions)
        {
            var session = new Session { Organ = seed.Organ, Number = seed.Number, StartsOn = seed.StartsOn, EndsOn = seed.EndsOn };
            var key = $"{OrganKey(seed.Organ)}/{seed.Number}";
            sessionByKey[key] = session;
            foreach (var item in seed.AgendaItems ?? [])
            {
                var agendaItem = new AgendaItem
                {
                    Number = item.Number,
                    Titles = item.Titles.Select(t => new AgendaItemTitle { Language = t.Key, Title = t.Value }).ToList(),
                };
                session.AgendaItems.Add(agendaItem);
                itemByKey[$"{key}/{item.Number}"] = agendaItem;
            }
            db.Sessions.Add(session);
        }

        var now = clock.GetUtcNow();
        foreach (var seed in documents)
        {
            db.Documents.Add(BuildDocument(seed, sessionByKey, itemByKey, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded demo data: {Sessions} sessions, {Documents} documents", sessions.Count, documents.Count);
        return true;
    }

    private static Document BuildDocument(DocumentSeed seed, Dictionary<string, Session> sessions, Dictionary<string, AgendaItem> items, DateTimeOffset now)
    {
        var document = new Document
        {
            Kind = seed.Kind,
            Distribution = seed.Distribution,
            Status = seed.Status,
            IssuedOn = seed.IssuedOn,
            DatedOn = seed.DatedOn,
            OriginalLanguage = seed.OriginalLanguage,
            Sender = seed.Sender,
            Addressee = seed.Addressee,
            CatalogTitle = seed.CatalogTitle,
            CreatedAt = now,
            PublishedAt = seed.Status == PublicationStatus.Published ? now : null,
            Sessions = (seed.Sessions ?? []).Select(s => new DocumentSession { Session = sessions[s] }).ToList(),
            AgendaItems = (seed.AgendaItems ?? []).Select((a, i) => new DocumentAgendaItem { AgendaItem = items[a], Position = i }).ToList(),
        };
        document.UpdateListedOn();
        document.SetSymbols((seed.Symbols ?? []).Select(UnSymbol.Parse));
        foreach (var reference in seed.References ?? [])
        {
            document.AddReference(reference.Relation, reference.Symbol);
        }
        foreach (var version in seed.Versions)
        {
            document.LanguageVersions.Add(BuildVersion(version, now));
        }
        return document;
    }

    private static LanguageVersion BuildVersion(VersionSeed seed, DateTimeOffset now)
    {
        var version = new LanguageVersion
        {
            Language = UnLanguage.FromCode(seed.Language).Code,
            Title = seed.Title,
            BodyMarkdown = seed.Body,
            ReleasedOn = seed.ReleasedOn,
            JobNumber = seed.JobNumber,
            UpdatedAt = now,
        };
        AddSignatoriesAndFootnotes(version, null, seed.Signatories, seed.Footnotes);
        var position = 0;
        foreach (var annexSeed in seed.Annexes ?? [])
        {
            version.Annexes.Add(BuildAnnex(version, annexSeed, null, ref position));
        }
        return version;
    }

    private static Annex BuildAnnex(LanguageVersion version, AnnexSeed seed, Annex? parent, ref int position)
    {
        var annex = new Annex
        {
            Position = ++position,
            Heading = seed.Heading,
            Title = seed.Title,
            BodyMarkdown = seed.Body,
            ParentAnnex = parent,
            LanguageVersion = version,
        };
        AddSignatoriesAndFootnotes(version, annex, seed.Signatories, seed.Footnotes);
        foreach (var enclosure in seed.Enclosures ?? [])
        {
            var child = BuildAnnex(version, enclosure, annex, ref position);
            version.Annexes.Add(child);
        }
        return annex;
    }

    private static void AddSignatoriesAndFootnotes(LanguageVersion version, Annex? annex, List<SignatorySeed>? signatories, List<FootnoteSeed>? footnotes)
    {
        foreach (var (signatory, i) in (signatories ?? []).Select((s, i) => (s, i)))
        {
            version.Signatories.Add(new Signatory { Annex = annex, Position = i, Name = signatory.Name, Function = signatory.Function, Signed = signatory.Signed ?? true });
        }
        foreach (var footnote in footnotes ?? [])
        {
            version.Footnotes.Add(new Footnote { Annex = annex, Number = footnote.Number, TextMarkdown = footnote.Text, Urls = footnote.Urls ?? [] });
        }
    }

    internal static string OrganKey(Organ organ) => organ switch
    {
        Organ.GeneralAssembly => "GA",
        Organ.SecurityCouncil => "SC",
        _ => "ECOSOC",
    };

    internal static T ReadResource<T>(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{fileName} is empty.");
    }

    private sealed record SessionSeed(Organ Organ, int Number, DateOnly? StartsOn, DateOnly? EndsOn, List<AgendaItemSeed>? AgendaItems);

    private sealed record AgendaItemSeed(int Number, Dictionary<string, string> Titles);

    private sealed record DocumentSeed(
        List<string>? Symbols, DocumentKind Kind, Distribution Distribution, PublicationStatus Status,
        DateOnly? IssuedOn, DateOnly? DatedOn, string? OriginalLanguage, string? Sender, string? Addressee, string? CatalogTitle,
        List<string>? Sessions, List<string>? AgendaItems, List<ReferenceSeed>? References, List<VersionSeed> Versions);

    private sealed record ReferenceSeed(ReferenceRelation Relation, string Symbol);

    private sealed record VersionSeed(string Language, string Title, string Body, DateOnly? ReleasedOn, string? JobNumber,
        List<SignatorySeed>? Signatories, List<FootnoteSeed>? Footnotes, List<AnnexSeed>? Annexes);

    private sealed record AnnexSeed(string Heading, string? Title, string Body, List<SignatorySeed>? Signatories, List<FootnoteSeed>? Footnotes, List<AnnexSeed>? Enclosures);

    private sealed record SignatorySeed(string Name, string? Function, bool? Signed);

    private sealed record FootnoteSeed(int Number, string Text, List<string>? Urls);
}
