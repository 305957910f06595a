using CircuitLoad;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Support;

namespace Portal.Tests.Tools;

/// <summary>
/// tools/CircuitLoad, the client benchmarks/many-circuits.sh opens 1,000 circuits with (BENCHMARKS.md, "1,000
/// circuits"), still opens real circuits on this portal: the server counts each as opened, each renders, none
/// fails, and closing them ends them on the server. A change in how blazor.web.js starts circuits (a new .NET)
/// or in which pages are interactive turns this red instead of the benchmark silently measuring nothing.
/// </summary>
public sealed class CircuitLoadTests(CircuitLoadTests.App app) : IClassFixture<CircuitLoadTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public App() => BaseAddress = StartKestrel();

        public Uri BaseAddress { get; }

        public CircuitCounter Circuits { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<CircuitHandler>(Circuits));
        }
    }

    /// <summary>Counts the circuits the server opens and closes.</summary>
    public sealed class CircuitCounter : CircuitHandler
    {
        private int _opened;
        private int _closed;

        public int Opened => Volatile.Read(ref _opened);

        public int Closed => Volatile.Read(ref _closed);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opened);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("/sessions/ga/75/items/71")] // a static page with an interactive island (Download all)
    [InlineData("/today")] // a whole interactive page: layout, menu and page on the circuit
    public async Task TheLoadClientOpensCircuitsThatRenderAndClosesThem(string path)
    {
        // Bounded: a client that no longer follows the protocol waits for a step that never comes.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var cancellation = timeout.Token;
        using var http = new HttpClient();
        var (opened, closed) = (app.Circuits.Opened, app.Circuits.Closed);
        var circuits = new List<BlazorCircuit>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                circuits.Add(await BlazorCircuit.OpenAsync(http, new Uri(app.BaseAddress, path), cancellation));
            }
            Assert.All(circuits, circuit =>
            {
                Assert.Null(circuit.Error);
                Assert.True(circuit.RenderBatches > 0);
            });
            Assert.Equal(3, circuits.Select(c => c.CircuitId).Distinct().Count());
            Assert.Equal(opened + 3, app.Circuits.Opened);
        }
        finally
        {
            foreach (var circuit in circuits)
            {
                await circuit.DisposeAsync();
            }
        }
        // The disconnect beacon ends a circuit at once (not after the retention period); wait for the server to say so.
        while (app.Circuits.Closed < closed + 3)
        {
            await Task.Delay(50, cancellation);
        }
        Assert.All(circuits, circuit => Assert.Null(circuit.Error));
    }

    [Fact]
    public async Task AStaticPageOpensNoCircuitAndTheClientSaysSo()
    {
        using var http = new HttpClient();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BlazorCircuit.OpenAsync(http, new Uri(app.BaseAddress, "/documents/1"), TestContext.Current.CancellationToken));
        Assert.Contains("no interactive server component", error.Message);
    }
}
