using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CircuitLoad;

/// <summary>
/// One interactive Blazor Server circuit opened the way blazor.web.js opens it (Microsoft.AspNetCore.Components.Web.JS,
/// CircuitManager.ts and WebRootComponentManager.ts of .NET 10): GET the page, connect to <c>/_blazor</c> over
/// WebSockets with the "blazorpack" protocol, <c>StartCircuit(baseUri, uri, "[]", persistedState)</c>, answer the
/// server's JS interop calls (among them <c>Blazor._internal.attachWebRendererInterop</c>, after which the browser
/// sends its root components), <c>UpdateRootComponents</c> with an "add" per prerendered server component, and
/// acknowledge every render batch (<c>OnRenderCompleted</c>). Open once the server has rendered the components.
/// Closing sends the disconnect beacon a closing tab sends, then closes the WebSocket.
/// </summary>
public sealed class BlazorCircuit : IAsyncDisposable
{
    private const string AttachRenderer = "Blazor._internal.attachWebRendererInterop";

    private readonly HttpClient _http;
    private readonly Uri _page;
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource _rendererAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _rootComponentsAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<string>? _trace;
    private long _nextJsObjectId;
    private int _renderBatches;
    private volatile bool _closing;

    private BlazorCircuit(HttpClient http, Uri page, Action<string>? trace)
    {
        _http = http;
        _page = page;
        _trace = trace;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(page, "/_blazor"), HttpTransportType.WebSockets);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        _connection = builder.Build();
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        _connection.On<long>("JS.EndUpdateRootComponents", _ => _rootComponentsAdded.TrySetResult());
        // Once this client closes the circuit, an error the server reports is its own teardown racing a render still
        // in flight (dotnet/aspnetcore#62718: "Circuit has been shut down due to an error"), which no closed tab sees.
        _connection.On<string>("JS.Error", message =>
        {
            if (!_closing)
            {
                Fail("the server reported: " + message);
            }
        });
        _connection.Closed += error =>
        {
            if (!_closing)
            {
                Fail("the connection closed: " + (error?.Message ?? "by the server"));
            }
            return Task.CompletedTask;
        };
    }

    /// <summary>The circuit's secret id, as StartCircuit returned it.</summary>
    public string? CircuitId { get; private set; }

    /// <summary>Render batches received and acknowledged.</summary>
    public int RenderBatches => Volatile.Read(ref _renderBatches);

    /// <summary>Why the circuit failed after it opened (JS.Error, connection lost), or null while it is healthy.</summary>
    public string? Error { get; private set; }

    /// <summary>Opens a circuit on <paramref name="page"/> and waits until the server has rendered its components.</summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, Uri page, CancellationToken cancellationToken, Action<string>? trace = null)
    {
        using var response = await http.GetAsync(page, cancellationToken);
        response.EnsureSuccessStatusCode();
        var prerendered = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (prerendered.ServerComponents.Count == 0)
        {
            throw new InvalidOperationException($"{page} has no interactive server component, so a browser opens no circuit on it.");
        }
        var circuit = new BlazorCircuit(http, page, trace);
        try
        {
            await circuit.StartAsync(prerendered, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(PrerenderedPage prerendered, CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        // blazor.web.js starts the circuit with no components ("[]") and the page's persisted state, then adds
        // the prerendered components once the server has attached its renderer to the page.
        CircuitId = await _connection.InvokeAsync<string?>("StartCircuit",
            new Uri(_page, "/").AbsoluteUri, _page.AbsoluteUri, "[]", prerendered.ApplicationState, cancellationToken);
        if (CircuitId is null)
        {
            throw new InvalidOperationException(Error ?? "StartCircuit returned no circuit.");
        }
        await WaitAsync(_rendererAttached.Task, cancellationToken);
        await _connection.SendAsync("UpdateRootComponents", prerendered.AddOperationsJson(), prerendered.ApplicationState, cancellationToken);
        await WaitAsync(_rootComponentsAdded.Task, cancellationToken);
        await WaitAsync(_firstRender.Task, cancellationToken);
    }

    private async Task WaitAsync(Task step, CancellationToken cancellationToken)
    {
        await step.WaitAsync(cancellationToken);
        if (Error is { } error)
        {
            throw new InvalidOperationException(error);
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        Interlocked.Increment(ref _renderBatches);
        _trace?.Invoke($"render batch {batchId}, {batch.Length} B");
        await _connection.SendAsync("OnRenderCompleted", batchId, null);
        _firstRender.TrySetResult();
    }

    // A browser runs the function and answers with [asyncHandle, true, result]. This client runs nothing: it answers
    // a call that wants a JS object with a fresh object reference (calls on it get the same treatment), the few
    // value-returning calls the portal's components make (MudBlazor's layout and popovers) with what a desktop
    // browser returns, and everything else (void calls, mostly) with null.
    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        _trace?.Invoke($"JS call {identifier} (handle {asyncHandle}, result type {resultType}, target {targetInstanceId}, call type {callType})");
        if (asyncHandle != 0)
        {
            object? result = (resultType, identifier) switch
            {
                (1, _) => new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _nextJsObjectId) },
                (_, "mudResizeListener.getBrowserWindowSize") => new { width = 1280, height = 800 },
                (_, "mudpopoverHelper.countProviders") => 1,
                (_, "window.hasOwnProperty") => true,
                _ => null,
            };
            await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new object?[] { asyncHandle, true, result }));
        }
        if (identifier == AttachRenderer)
        {
            _rendererAttached.TrySetResult();
        }
    }

    private void Fail(string error)
    {
        Error ??= error;
        _rendererAttached.TrySetResult();
        _rootComponentsAdded.TrySetResult();
        _firstRender.TrySetResult();
    }

    /// <summary>Closes the circuit as a closing tab does: the disconnect beacon, then the WebSocket.</summary>
    public async ValueTask DisposeAsync()
    {
        _closing = true;
        if (CircuitId is not null && _connection.State == HubConnectionState.Connected)
        {
            using var form = new MultipartFormDataContent { { new StringContent(CircuitId), "circuitId" } };
            try
            {
                using var _ = await _http.PostAsync(new Uri(_page, "/_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
                // A beacon is best effort in a browser too; the closed connection ends the circuit later.
            }
        }
        await _connection.DisposeAsync();
    }
}
