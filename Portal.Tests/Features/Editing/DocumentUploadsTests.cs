using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Editing;
using Portal.Storage;
using Portal.Tests.Support;
using UglyToad.PdfPig.Writer;

namespace Portal.Tests.Features.Editing;

/// <summary>
/// Editors' uploads on the real portal, file store and database, with a 300 KB limit: PDFs and Word files are
/// told by content, stored and served; a wrong type, an oversize file (declared or not), a path-like name,
/// a zip bomb, an encrypted PDF and a cancelled upload are refused with a sentence and leave no blob, no
/// row and no temporary file. The encrypted fixtures were made with <c>qpdf --encrypt</c> (user password
/// "secret-user", or none and an owner password).
/// </summary>
public sealed class DocumentUploadsTests(DocumentUploadsTests.App app) : IClassFixture<DocumentUploadsTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public const long Limit = 300 * 1024;

        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:Uploads:MaxFileBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    private DocumentUploads Uploads => app.Services.GetRequiredService<DocumentUploads>();

    private static int _next;

    private async Task<int> RegisterAsync()
    {
        var symbol = $"A/75/93{Interlocked.Increment(ref _next):00}";
        var draft = new DocumentDraft
        {
            Symbols = symbol,
            AgendaItems = "GA/75/71",
            IssuedOn = new DateOnly(2025, 11, 3),
            Versions = [new VersionDraft { Language = "en", Title = "Uploads test", Body = "Text." }, new VersionDraft { Language = "fr", Title = "Essai", Body = "Texte." }],
        };
        var editor = app.Services.GetRequiredService<DocumentEditor>();
        var registered = await editor.RegisterAsync(Viewers.Secretariat, "editor@un.example", draft);
        await editor.PublishAsync(Viewers.Secretariat, "editor@un.example", registered.DocumentId!.Value, registered.Revision);
        return registered.DocumentId!.Value;
    }

    private Task<UploadOutcome> UploadAsync(int id, string language, string name, byte[] bytes, long? declared = null, CancellationToken cancellationToken = default) =>
        Uploads.UploadAsync(Viewers.Secretariat, "editor@un.example", id, language, name, declared ?? bytes.Length, new MemoryStream(bytes), cancellationToken: cancellationToken);

    internal static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        page.AddText(text, 12, new UglyToad.PdfPig.Core.PdfPoint(40, 700), font);
        return builder.Build();
    }

    internal static byte[] Docx(string text)
    {
        using var memory = new MemoryStream();
        using (var word = WordprocessingDocument.Create(memory, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return memory.ToArray();
    }

    private static byte[] ZipBomb()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 40; i++)
            {
                entry.Write(zeros);
            }
        }
        return memory.ToArray();
    }

    /// <summary>What the portal holds that an upload could leave behind: blobs, file rows, temporary upload files.</summary>
    private async Task<(int Blobs, int Rows, int Temporary)> HeldAsync()
    {
        var store = app.Services.GetRequiredService<IDocumentFileStore>();
        var blobs = 0;
        await foreach (var _ in store.ListAsync())
        {
            blobs++;
        }
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var temporary = Directory.Exists(Uploads.TemporaryFolder) ? Directory.GetFiles(Uploads.TemporaryFolder).Length : 0;
        return (blobs, await db.StoredFiles.CountAsync(), temporary);
    }

    [Fact]
    public async Task SeveralFilesAreToldByContentStoredAndServedAndTheUploadIsInTheHistory()
    {
        var id = await RegisterAsync();
        var pdf = Pdf("Uploaded English PDF");

        var english = await UploadAsync(id, "en", "letter.pdf", pdf);
        // Named .docx, but a PDF: the content decides.
        var french = await UploadAsync(id, "fr", "lettre.docx", Pdf("PDF en francais"));
        var word = await UploadAsync(id, "en", "letter.docx", Docx("Uploaded Word text"));

        Assert.True(english.Stored, english.Message);
        Assert.Equal(FileFormat.Pdf, french.Format);
        Assert.Equal(FileFormat.Docx, word.Format);
        Assert.Contains("stored as the English PDF", english.Message, StringComparison.Ordinal);
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };
        var served = await visitor.GetAsync($"/documents/{id}/en.pdf");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/documents/{id}/en.docx")).StatusCode);
        var document = await app.Services.GetRequiredService<DocumentEditor>().LoadAsync(Viewers.Secretariat, id);
        Assert.Equal([("en", FileFormat.Pdf), ("en", FileFormat.Docx), ("fr", FileFormat.Pdf)], document!.Files.Select(f => (f.Language, f.Format)));
        var (history, _) = await app.Services.GetRequiredService<AuditLog>().ListAsync(Viewers.Secretariat, null, id, 0, 10);
        Assert.Equal(3, history.Count(h => h.Action == "upload"));
        Assert.Equal(0, (await HeldAsync()).Temporary);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "wrong type", "photo.pdf", "neither a PDF nor a Word document" },
        { "path-like name", "../../etc/letter.pdf", "looks like a path" },
        { "windows path", "C:\\Users\\letter.pdf", "looks like a path" },
        { "zip bomb", "bomb.docx", "zip bomb" },
        { "zip without word", "archive.docx", "not a Word document" },
        { "encrypted PDF", "encrypted-user-password.pdf", "encrypted" },
        { "encrypted PDF without user password", "encrypted-owner-password.pdf", "encrypted" },
        { "damaged PDF", "damaged.pdf", "cannot be read" },
        { "empty", "empty.pdf", "is empty" },
    };

    private static byte[] BytesFor(string kind) => kind switch
    {
        "wrong type" => [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13],
        "path-like name" or "windows path" => Pdf("path"),
        "zip bomb" => ZipBomb(),
        "zip without word" => ZipWithout(),
        "encrypted PDF" => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "encrypted-user-password.pdf")),
        "encrypted PDF without user password" => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "encrypted-owner-password.pdf")),
        "damaged PDF" => "%PDF-1.7\nthis is not a PDF body at all"u8.ToArray(),
        _ => [],
    };

    private static byte[] ZipWithout()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a Word document");
        }
        return memory.ToArray();
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ARefusedUploadSaysWhyAndLeavesNothingStored(string kind, string name, string expected)
    {
        var id = await RegisterAsync();
        var before = await HeldAsync();

        var outcome = await UploadAsync(id, "en", name, BytesFor(kind));

        Assert.False(outcome.Stored, kind);
        Assert.Contains(expected, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(before with { Temporary = 0 }, await HeldAsync());
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedWhetherItsSizeIsDeclaredOrOnlyFoundWhileReading()
    {
        var id = await RegisterAsync();
        var before = await HeldAsync();
        var large = new byte[App.Limit + 1];
        "%PDF-"u8.CopyTo(large);

        var declared = await UploadAsync(id, "en", "large.pdf", large);
        var undeclared = await UploadAsync(id, "en", "large.pdf", large, declared: 1000);

        Assert.Contains("larger than the 300 KB an upload may have", declared.Message, StringComparison.Ordinal);
        Assert.Contains("larger than the 300 KB", undeclared.Message, StringComparison.Ordinal);
        Assert.Equal(before with { Temporary = 0 }, await HeldAsync());
    }

    [Fact]
    public async Task ACancelledUploadLeavesNothingBehind()
    {
        var id = await RegisterAsync();
        var before = await HeldAsync();
        using var cancel = new CancellationTokenSource();
        var stream = new CancellingStream(Pdf("cancelled"), cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Uploads.UploadAsync(Viewers.Secretariat, "editor@un.example", id, "en", "cancelled.pdf", stream.Length, stream, cancellationToken: cancel.Token));

        Assert.Equal(before with { Temporary = 0 }, await HeldAsync());
    }

    [Fact]
    public async Task OnlyEditorsUploadAndAVersionMustExist()
    {
        var id = await RegisterAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Uploads.UploadAsync(Viewers.Delegation, null, id, "en", "x.pdf", 10, new MemoryStream(Pdf("x"))));
        var missing = await UploadAsync(id, "zh", "x.pdf", Pdf("x"));

        Assert.Contains("has no Chinese version", missing.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream that cancels its upload after the first read, as a browser tab closed mid-upload does.</summary>
    private sealed class CancellingStream(byte[] bytes, CancellationTokenSource cancel) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer[..Math.Min(buffer.Length, 64)], cancellationToken);
            await cancel.CancelAsync();
            return read;
        }
    }
}
