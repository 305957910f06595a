using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>One client address may hold only so many live pages (circuit connections) and make only so many requests a minute.</summary>
public class ClientLimitsTests
{
    /// <summary>Two live pages per address, no request limit; on real Kestrel, for real WebSockets.</summary>
    public sealed class CircuitFixture : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("Portal:Limits:CircuitsPerClient", "2"),
            new("Portal:Limits:RequestsPerMinutePerClient", "0"),
            new("Portal:Limits:RetryAfterSeconds", "17"),
        ];

        public Uri BaseAddress => field ??= StartKestrel();
    }

    /// <summary>Twelve requests a minute per address.</summary>
    public sealed class RequestFixture : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:Limits:RequestsPerMinutePerClient", "12")];
    }

    public class Circuits(CircuitFixture fixture) : IClassFixture<CircuitFixture>
    {
        [Fact]
        public async Task APageBeyondTheLimitIsRefusedWith429UntilAnotherCloses()
        {
            var ct = TestContext.Current.CancellationToken;
            using var first = await ConnectAsync(ct);
            using var second = await ConnectAsync(ct);
            Assert.Equal(WebSocketState.Open, first.State);
            Assert.Equal(WebSocketState.Open, second.State);

            var refused = await Assert.ThrowsAsync<WebSocketException>(async () => (await ConnectAsync(ct)).Dispose());
            Assert.Contains("429", refused.Message);

            // What a browser or a person reading the response sees: the status, Retry-After and a sentence.
            using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
            using var response = await http.GetAsync("/_blazor?id=any", ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(17), response.Headers.RetryAfter?.Delta);
            Assert.Contains("Too many open portal pages from your network address: at most 2", await response.Content.ReadAsStringAsync(ct));
            // Pages themselves are not circuit connections.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/", ct)).StatusCode);

            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, null, ct);
            // The permit returns when the server has ended the first connection's request: wait for that
            // (a generous bound, so a permit that never returns fails the test instead of hanging it).
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(TimeSpan.FromMinutes(2));
            ClientWebSocket? third = null;
            while (third is null)
            {
                try
                {
                    third = await ConnectAsync(bound.Token);
                }
                catch (WebSocketException)
                {
                    await Task.Delay(100, bound.Token);
                }
            }
            Assert.Equal(WebSocketState.Open, third.State);
            third.Dispose();
        }

        /// <summary>Negotiates a connection on the Blazor hub, opens its WebSocket and completes the SignalR handshake.</summary>
        private async Task<ClientWebSocket> ConnectAsync(CancellationToken ct)
        {
            using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
            using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, ct);
            negotiate.EnsureSuccessStatusCode();
            var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("connectionToken").GetString();
            var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(new Uri($"ws://{fixture.BaseAddress.Authority}/_blazor?id={token}"), ct);
                await socket.SendAsync("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"u8.ToArray(), WebSocketMessageType.Text, true, ct);
                var buffer = new byte[1024];
                var received = await socket.ReceiveAsync(buffer, ct);
                Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, received.Count));
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    public class Requests(RequestFixture fixture) : IClassFixture<RequestFixture>
    {
        [Fact]
        public async Task RequestsBeyondTheRateAreRefusedWith429AndARetryAfter()
        {
            var ct = TestContext.Current.CancellationToken;
            using var client = fixture.CreateClient();
            for (var i = 0; i < 12; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", ct)).StatusCode);
            }

            // One token comes back every 6 seconds, so a quick burst runs out.
            HttpResponseMessage response;
            do
            {
                response = await client.GetAsync("/healthz", ct);
            }
            while (response.StatusCode == HttpStatusCode.OK);

            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.StartsWith("Too many requests from your network address: at most 12 a minute.", await response.Content.ReadAsStringAsync(ct));
        }
    }
}
