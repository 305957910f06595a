using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Portal.Features.Documents;
using Portal.Infrastructure;

namespace Portal.Features.Rendering;

/// <summary>The server cannot generate PDFs (no browser installed, or it failed); the endpoint answers 503.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Generates the PDF of a language version by rendering the page's own <see cref="DocumentView"/>
/// to HTML and printing it with headless Chromium.
/// Why Chromium: it shapes Arabic right to left, breaks Chinese lines and picks Noto fonts through
/// fontconfig, embedding exactly the glyphs used, for all six languages. The managed options were
/// PDFsharp 6.5 (AGPL) or SkiaSharp, where line breaking, bidi and shaping would be ours to write.
/// The cost is a browser on the server (Debian's chromium, about 250 MB) and roughly a second per
/// document, paid once: results are cached in the file store until the text changes.
/// </summary>
public sealed class DocumentPdfRenderer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory, IOptions<PortalOptions> options, ILogger<DocumentPdfRenderer> logger)
    : IHostedService
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Work folders older than this belong to no running render (each ends within <see cref="Timeout"/>).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Work folders are <c>portal-pdf-{process id}-{random}</c> in the system temp folder; they hold
    /// the document's HTML (restricted documents too), so none may outlive its render.
    /// </summary>
    public const string WorkFolderPrefix = "portal-pdf-";

    // Each Chromium takes a few hundred MB; a burst of first requests must not start dozens.
    private readonly SemaphoreSlim _slots = new(2);

    public async Task<byte[]> RenderAsync(PrintedDocument document, CancellationToken cancellationToken)
    {
        var chromium = options.Value.ChromiumPath;
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            throw new PdfUnavailableException("PDF generation is not available on this server: no Chromium at Portal:ChromiumPath.");
        }
        var html = await RenderHtmlAsync(document);
        await _slots.WaitAsync(cancellationToken);
        DirectoryInfo? work = null;
        Process? process = null;
        try
        {
            work = Directory.CreateTempSubdirectory($"{WorkFolderPrefix}{Environment.ProcessId}-");
            var htmlPath = Path.Combine(work.FullName, "document.html");
            var pdfPath = Path.Combine(work.FullName, "document.pdf");
            await File.WriteAllTextAsync(htmlPath, html, Encoding.UTF8, cancellationToken);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in ChromiumArguments(work.FullName, pdfPath, htmlPath))
            {
                start.ArgumentList.Add(argument);
            }
            process = Process.Start(start) ?? throw new PdfUnavailableException("Chromium did not start.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new PdfUnavailableException($"Chromium took longer than {Timeout.TotalSeconds} s to print the document.");
            }
            if (process.ExitCode != 0 || !File.Exists(pdfPath) || new FileInfo(pdfPath).Length == 0)
            {
                logger.LogError("Chromium failed to print a PDF (exit {Code}): {Error}", process.ExitCode, await stderr);
                throw new PdfUnavailableException("Chromium could not print the document.");
            }
            return await File.ReadAllBytesAsync(pdfPath, cancellationToken);
        }
        finally
        {
            if (process is not null)
            {
                // A Chromium still running (timeout, cancelled request) would keep writing into the folder.
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }
                process.Dispose();
            }
            _slots.Release();
            if (work is not null)
            {
                TryDelete(work);
            }
        }
    }

    /// <summary>
    /// The printer's command line. The page is a local file whose Content-Security-Policy
    /// (<c>default-src 'none'</c>, see <see cref="RenderHtmlAsync"/>) forbids every fetch, and
    /// file access from it is not widened (no <c>--allow-file-access-from-files</c>); the flags
    /// below switch off Chromium's own traffic and send any host name it would resolve nowhere.
    /// <c>--no-sandbox</c> stays only because Chromium's sandbox cannot start in a container under Docker's
    /// default seccomp profile (nor as root); the portal's container runs as a non-root user, and the CSP
    /// does not depend on the sandbox.
    /// </summary>
    public static IEnumerable<string> ChromiumArguments(string workFolder, string pdfPath, string htmlPath) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-default-apps", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
        "--disable-breakpad", "--metrics-recording-only", "--no-pings", "--disable-features=Translate,MediaRouter,OptimizationHints",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer",
        $"--user-data-dir={Path.Combine(workFolder, "profile")}",
        $"--print-to-pdf={pdfPath}",
        new Uri(htmlPath).AbsoluteUri,
    ];

    /// <summary>
    /// Removes work folders left by a render that never reached its finally (the portal was killed
    /// or crashed): those whose process is gone, and any older than <see cref="StaleAfter"/>.
    /// Folders of renders running now, in this process or another portal on the machine, stay.
    /// </summary>
    public int RemoveStaleWorkFolders()
    {
        var removed = 0;
        IEnumerable<DirectoryInfo> folders;
        try
        {
            folders = new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(WorkFolderPrefix + "*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not list the temp folder to remove old PDF work folders");
            return 0;
        }
        foreach (var folder in folders)
        {
            var stale = DateTime.UtcNow - folder.LastWriteTimeUtc > StaleAfter || !OwnerIsRunning(folder.Name);
            if (stale && TryDelete(folder))
            {
                removed++;
            }
        }
        return removed;
    }

    private static bool OwnerIsRunning(string folderName)
    {
        var rest = folderName[WorkFolderPrefix.Length..];
        var dash = rest.IndexOf('-');
        if (dash <= 0 || !int.TryParse(rest[..dash], System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            // Named before folders carried their process id: only age tells.
            return true;
        }
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var owner = Process.GetProcessById(pid);
            return !owner.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private bool TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not remove {Folder}", folder.FullName);
            return false;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = RemoveStaleWorkFolders();
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} PDF work folders left by an earlier run", removed);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The standalone HTML that gets printed: the document view plus a print stylesheet. Chinese is
    /// set in WenQuanYi Zen Hei (TrueType outlines) ahead of Noto CJK: Chromium's PDF backend embeds
    /// the CFF-outline Noto CJK fonts as Type 3 fonts whose text maps some ideographs to look-alike
    /// Kangxi radicals (人 becomes ⼈), so copying or searching the PDF would fail.
    /// </summary>
    public async Task<string> RenderHtmlAsync(PrintedDocument document)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<DocumentView>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(DocumentView.Document)] = document }));
            return output.ToHtmlString();
        });
        var language = document.LanguageInfo;
        return $"""
            <!DOCTYPE html>
            <html lang="{language.Code}" dir="{language.Direction}">
            <head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}"><title>{System.Net.WebUtility.HtmlEncode(document.Title)}</title><style>{PrintCss}</style></head>
            <body>{body}</body>
            </html>
            """;
    }

    /// <summary>
    /// The printed page may fetch nothing: no network, no other local file, no script. Styles are
    /// inline, fonts are the system's (found by name through fontconfig, not fetched), and an
    /// image in the text shows only if it is a <c>data:</c> URL. This holds whatever URL the
    /// Markdown lets through.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

    private const string PrintCss = """
        @page { size: A4; margin: 2cm 2.2cm; }
        body { font-family: "Noto Serif", "Noto Naskh Arabic", "WenQuanYi Zen Hei", serif; font-size: 11pt; line-height: 1.5; color: #000; }
        :lang(zh) { font-family: "Noto Serif", "WenQuanYi Zen Hei", "Noto Serif CJK SC", serif; }
        :lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; }
        a { color: inherit; text-decoration: none; }
        .un-header { border-bottom: 2px solid #000; padding-bottom: .5rem; margin-bottom: 1.2rem; font-size: 10pt; }
        .un-header-top { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1px solid #000; padding-bottom: .3rem; }
        .un-organs { display: flex; flex-direction: column; }
        .un-name { font-weight: bold; }
        .un-symbols .symbol { font-size: 14pt; font-weight: bold; }
        .un-distribution { display: flex; flex-direction: column; align-items: flex-end; margin: .5rem 0; }
        .un-distribution div { display: flex; gap: .3rem; }
        .un-distribution dt, .un-distribution dd { margin: 0; }
        .un-agenda-titles { list-style: none; padding: 0; margin: 0; }
        .item-number { display: inline-block; min-width: 2.5em; }
        .document-title { font-size: 14pt; font-weight: bold; margin: 1rem 0; }
        .signatories { display: flex; flex-direction: column; align-items: flex-end; margin: 1.2rem 0; }
        .signatory { text-align: end; margin-bottom: .8rem; }
        .signatory .signed { font-style: italic; margin-inline-end: .4rem; }
        .signatory .name { font-weight: bold; }
        .footnotes { font-size: 9pt; }
        .footnote-back { display: none; }
        .annex { break-before: page; }
        .annex.enclosure { break-before: auto; }
        .annex-heading { font-size: 12pt; }
        table { border-collapse: collapse; }
        td, th { border: 1px solid #444; padding: .2rem .5rem; }
        .job-number { margin-top: 2rem; font-size: 8pt; }
        """;
}
