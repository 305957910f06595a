using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Portal.Features.Ingestion;

namespace Portal.Tests.Features.Ingestion;

/// <summary>
/// Files that must not take the machine or fool the reader: each ends in a clear per-file error, quickly,
/// with nothing returned half-way.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-hostile-files", Guid.NewGuid().ToString("N"));

    public HostileFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> RefusedAsync(string fileName, byte[] content, IngestionLimits? limits = null)
    {
        var path = Path.Combine(_folder, fileName);
        await File.WriteAllBytesAsync(path, content, Cancel);
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<UnreadableDocumentException>(() => new DocumentReading(limits ?? IngestionLimits.Default).ReadFileAsync(path, Cancel));
        Assert.True(clock.Elapsed < Bound, $"{fileName} took {clock.Elapsed}");
        return refused.Message;
    }

    [Fact]
    public async Task AnEmptyFileIsRefused() =>
        Assert.Equal("The file is empty.", await RefusedAsync("empty.pdf", []));

    [Fact]
    public async Task BinaryJunkNamedPdfIsRefused() =>
        Assert.Contains("not a PDF, a Word (.docx) document or text", await RefusedAsync("junk.pdf", [.. Enumerable.Range(0, 65536).Select(i => (byte)(i * 7919 % 251))]));

    [Fact]
    public async Task AnEncryptedPdfIsRefused() =>
        Assert.Contains("encrypted", await RefusedAsync("encrypted.pdf", EncryptedPdf()));

    [Fact]
    public async Task ACorruptPdfIsRefused() =>
        Assert.Contains("The PDF could not be read", await RefusedAsync("corrupt.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nendobj\nxref\ngarbage\n%%EOF"u8.ToArray()));

    [Fact]
    public async Task CharactersThatAreNotTextAreDroppedFromWhatIsRead()
    {
        // Text, with a few control characters among many words (more would make it binary data).
        var words = string.Concat(Enumerable.Repeat("The General Assembly, recalling its resolutions. ", 10));
        var text = $"Letter dated 1 March 2021\u0007 from the \uFFFERepresentative\nof Demoland\u0001.\n{words}\fAnnex\u001B page\tend";

        var read = await new DocumentReading().ReadAsync(Encoding.UTF8.GetBytes(text), Cancel);

        Assert.Equal([$"Letter dated 1 March 2021 from the Representative\nof Demoland.\n{words}", "Annex page\tend"], read.Pages);
    }

    [Fact]
    public async Task OneHundredMegabytesOfTextAreRefusedWithoutBeingRead()
    {
        var path = Path.Combine(_folder, "huge.txt");
        await using (var file = File.Create(path))
        {
            var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The General Assembly, recalling its resolutions. ", 20_000)));
            while (file.Length < 100L * 1024 * 1024)
            {
                await file.WriteAsync(block, Cancel);
            }
        }
        var clock = Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<UnreadableDocumentException>(() => new DocumentReading().ReadFileAsync(path, Cancel));

        Assert.Contains("over the 32 MB limit", refused.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AWordZipBombIsRefusedByCountingWhatItUnpacks()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var part = await archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).OpenAsync(Cancel);
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                await part.WriteAsync(zeros, Cancel);
            }
        }
        Assert.True(zip.Length < 1024 * 1024);

        var message = await RefusedAsync("bomb.docx", zip.ToArray(), IngestionLimits.Default with { MaxUnpackedBytes = 16 * 1024 * 1024 });

        Assert.Contains("unpacks to more than 16 MB", message);
    }

    [Fact]
    public async Task AWordFileWithExternalEntitiesIsRefusedAndTheEntityNeverRead()
    {
        var secret = Path.Combine(_folder, "secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-CONTENT", Cancel);
        var docx = Path.Combine(_folder, "template.docx");
        IngestionFixtureFiles.WriteDocx("Letter dated 1 April 2021 from the Permanent Representative of Japan", docx);
        using var edited = new MemoryStream();
        await edited.WriteAsync(await File.ReadAllBytesAsync(docx, Cancel), Cancel);
        using (var archive = new ZipArchive(edited, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry("word/document.xml")!.Delete();
            await using var part = await archive.CreateEntry("word/document.xml").OpenAsync(Cancel);
            await part.WriteAsync(Encoding.UTF8.GetBytes($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <!DOCTYPE w:document [ <!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}"> ]>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
                """), Cancel);
        }

        var message = await RefusedAsync("xxe.docx", edited.ToArray());

        Assert.Contains("Word document could not be read", message);
        Assert.DoesNotContain("TOP-SECRET", message);
    }

    [Fact]
    public async Task TheReaderIsChosenByContentNotByName()
    {
        var pdfNamedText = Path.Combine(_folder, "letter.txt");
        File.Copy(await IngestionFixtureFiles.PdfPathAsync("en-reissue-general-assembly"), pdfNamedText);
        var textNamedPdf = Path.Combine(_folder, "letter.pdf");
        File.Copy(IngestionFixtureFiles.TextPath("en-reissue-general-assembly"), textNamedPdf);

        Assert.Equal("PDF", (await new DocumentReading().ReadFileAsync(pdfNamedText, Cancel)).Format);
        Assert.Equal("text", (await new DocumentReading().ReadFileAsync(textNamedPdf, Cancel)).Format);
    }

    /// <summary>A PDF whose trailer names the standard security handler with a user password nobody knows.</summary>
    private static byte[] EncryptedPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            "<< /Length 12 >>\nstream\n\u008a\u0013U\u0002\u0099\u0010\u008a\u0013U\u0002\u0099\u0010\nendstream",
            $"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{new string('1', 64)}> /U <{new string('2', 64)}> >>",
        ];
        var pdf = new StringBuilder("%PDF-1.6\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }
        var id = new string('a', 32);
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
