using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A 4xx that no endpoint wrote a body for (routing's 405, a static file's 416) gets a short problem, or plain text
/// for a client that takes no JSON; the not-found page, the API's own problems and a 304 stay as they were. On real Kestrel.
/// </summary>
public class StatusCodeBodiesTests(StatusCodeBodiesTests.Fixture fixture) : IClassFixture<StatusCodeBodiesTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory
    {
        private readonly Lazy<Uri> _address;

        public Fixture() => _address = new(StartKestrel);

        public Uri Address => _address.Value;
    }

    private HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Address };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("PUT", "/search")]
    [InlineData("DELETE", "/sessions/ga/75")]
    [InlineData("PATCH", "/oai")]
    [InlineData("PUT", "/app.css")]
    public async Task AMethodAnAddressDoesNotAnswerIsA405ThatSaysWhichItAnswers(string method, string path)
    {
        using var client = Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GET", response.Content.Headers.Allow);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.Equal(405, problem.GetProperty("status").GetInt32());
        Assert.StartsWith($"This address does not answer {method}; it answers GET", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AClientThatTakesNoJsonGetsTheSentenceAsText()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/search");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("This address does not answer PUT; it answers GET", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task AStaticFilesUnsatisfiableRangeKeepsItsContentRangeAndSaysWhy()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/app.css");
        request.Headers.Range = new RangeHeaderValue(99_999_999, null);
        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes", response.Content.Headers.ContentRange?.Unit);
        Assert.False(response.Content.Headers.ContentRange?.HasRange);
        Assert.Contains("The Range header asks for bytes outside the file.", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task NotFoundConditionalAndApiAnswersAreUnchanged()
    {
        using var client = Client();

        using var missing = await client.GetAsync("/sessions/ga/999", Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);

        using var api = await client.GetAsync("/api/v1/nothing", Token);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Contains("is not an API address", await api.Content.ReadAsStringAsync(Token));

        using var first = await client.GetAsync("/app.css", Token);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/app.css");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(again, Token);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Token));
    }
}
