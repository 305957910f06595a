using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Ingestion;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Ingestion;

/// <summary>
/// The uploaded PDF on the review screen, over HTTP on real Kestrel: an editor gets the stored bytes inline as
/// application/pdf (nosniff, framable by the portal's own pages only) and the review page frames them at page 1;
/// anonymous visitors, delegations and an editor without two-factor sign-in get exactly the 404 of a file that
/// does not exist, as does a text upload, whose review page has no PDF pane.
/// </summary>
public sealed partial class IngestionSourceEndpointTests(IngestionSourceEndpointTests.App app) : IClassFixture<IngestionSourceEndpointTests.App>
{
    public sealed class App : AccountsAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEditorGetsTheUploadedPdfInlineAndEveryoneElseTheMissingFileAnswer()
    {
        var pdfPath = await IngestionFixtureFiles.PdfPathAsync("en-joint-letter");
        var pdf = await File.ReadAllBytesAsync(pdfPath, Cancel);
        var (pdfId, textId) = await UploadAndReadAsync(("en-joint-letter.pdf", pdf), ("en-joint-letter.txt", await File.ReadAllBytesAsync(IngestionFixtureFiles.TextPath("en-joint-letter"), Cancel)));

        var editor = await TestAccounts.CreateAsync(app.Services, "source.editor@un.example", PortalRoles.Editor, twoFactor: true);
        using var editorClient = new AccountClient(app.BaseAddress);
        await editorClient.SignInAsync(editor.Email, editor.Password, editor.AuthenticatorKey);

        using var response = await editorClient.GetAsync(IngestionSourceEndpoint.Url(pdfId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
        Assert.Equal(RequestHardening.FramedFilePolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(Cancel));

        // The review page frames it, and still may not be framed itself.
        using var review = await editorClient.GetAsync(IngestReviewPage.Url(pdfId));
        var reviewHtml = await review.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"src=\"{IngestionSourceEndpoint.Url(pdfId)}#page=1\"", reviewHtml, StringComparison.Ordinal);
        var pagePolicy = Header(review, "Content-Security-Policy");
        Assert.Contains("frame-src 'self'", pagePolicy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", pagePolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", pagePolicy, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(review, "X-Frame-Options"));

        // A text upload has no PDF, and its review page no PDF pane.
        var textReview = await editorClient.GetStringAsync(IngestReviewPage.Url(textId));
        Assert.Contains("source-text", textReview, StringComparison.Ordinal);
        Assert.DoesNotContain("source-pdf", textReview, StringComparison.Ordinal);

        var missing = await NotFoundAsync(editorClient, IngestionSourceEndpoint.Url(999_999));
        Assert.Equal(missing, await NotFoundAsync(editorClient, IngestionSourceEndpoint.Url(textId)));

        using var anonymous = new AccountClient(app.BaseAddress);
        Assert.Equal(missing, await NotFoundAsync(anonymous, IngestionSourceEndpoint.Url(pdfId)));

        var delegation = await TestAccounts.CreateAsync(app.Services, "source.delegate@demoland.example", PortalRoles.Delegation, "Demoland");
        using var delegationClient = new AccountClient(app.BaseAddress);
        await delegationClient.SignInAsync(delegation.Email, delegation.Password);
        Assert.Equal(missing, await NotFoundAsync(delegationClient, IngestionSourceEndpoint.Url(pdfId)));

        var halfSetUp = await TestAccounts.CreateAsync(app.Services, "source.new-editor@un.example", PortalRoles.Editor);
        using var halfSetUpClient = new AccountClient(app.BaseAddress);
        await halfSetUpClient.SignInAsync(halfSetUp.Email, halfSetUp.Password);
        Assert.Equal(missing, await NotFoundAsync(halfSetUpClient, IngestionSourceEndpoint.Url(pdfId)));
    }

    /// <summary>Uploads the files as one batch and waits until the portal's worker has read them all; their ids in order.</summary>
    private async Task<(int, int)> UploadAndReadAsync(params (string Name, byte[] Content)[] files)
    {
        var batches = app.Services.GetRequiredService<IngestionCommands>();
        var uploaded = await batches.UploadAsync(Viewers.Secretariat, "source.editor@un.example", [.. files.Select(f => (f.Name, (Stream)new MemoryStream(f.Content)))], Cancel);
        Assert.Null(uploaded.Problem);
        IngestionBatchView batch;
        while (!(batch = (await batches.GetBatchAsync(Viewers.Secretariat, uploaded.BatchId!.Value, Cancel))!).Finished)
        {
            await Task.Delay(200, Cancel);
        }
        Assert.All(batch.Files, f => Assert.Equal(IngestionFileStatus.Extracted, f.Status));
        return (batch.Files[0].Id, batch.Files[1].Id);
    }

    /// <summary>A 404's content type and body (its per-request trace id blanked), for comparing with another's.</summary>
    private static async Task<string> NotFoundAsync(AccountClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        return $"{response.Content.Headers.ContentType}\n{TraceId().Replace(await response.Content.ReadAsStringAsync(Cancel), "")}";
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
