using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Portal.Infrastructure;

namespace Portal.Components.Shared;

/// <summary>
/// Base for components that query: cancels in-flight queries when the component goes away
/// (a visitor who navigates on should not keep the database busy) and knows the viewer's access level.
/// </summary>
public abstract class PortalComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    [Inject]
    private CurrentViewer CurrentViewer { get; set; } = null!;

    /// <summary>Present only while prerendering on the server; used to set the HTTP status code.</summary>
    [CascadingParameter]
    protected HttpContext? HttpContext { get; set; }

    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>Who is looking: handed to every query, which shows only what this viewer may see.</summary>
    protected Task<Viewer> GetViewerAsync() => CurrentViewer.GetAsync();

    /// <summary>Makes the first HTTP response a real 404 while still rendering the page's own message.</summary>
    /// <remarks>
    /// Blazor (.NET 10) sends an empty body when a component sets 404 while rendering, expecting the
    /// generic not-found page to be re-executed in its place. These pages say precisely what is
    /// missing (and, for a symbol, where else to look), so the status is applied as the response
    /// starts, after the page has rendered.
    /// </remarks>
    protected void SetNotFoundStatus()
    {
        if (HttpContext is { Response.HasStarted: false } context && !context.Items.ContainsKey(NotFoundKey))
        {
            context.Items[NotFoundKey] = true;
            context.Response.OnStarting(() =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
    }

    private const string NotFoundKey = "portal:not-found";

    /// <summary>
    /// Answers 400 when the page could not read some of its query values (<see cref="QueryInput"/>); the page
    /// still renders, with <c>QueryProblems</c> saying which values and its form to correct them. A 404 the
    /// page sets later (<see cref="SetNotFoundStatus"/>) takes precedence.
    /// </summary>
    protected void SetBadRequestStatusIf(QueryInput input)
    {
        if (input.HasProblems && HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>
    /// A page's state: the one persisted from prerendering when it was loaded for this <paramref name="key"/>
    /// (the circuit then does not query again), else freshly loaded; a real 404 when it found nothing.
    /// </summary>
    protected async Task<TState> LoadPageStateAsync<TState>(TState? persisted, string key, Func<Task<TState>> load)
        where TState : class, IPageState
    {
        var state = persisted?.Key == key ? persisted : await load();
        if (!state.Found)
        {
            SetNotFoundStatus();
        }
        return state;
    }

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>What a page persists from prerendering to the circuit.</summary>
public interface IPageState
{
    /// <summary>What the state was loaded for (route and query values), to tell a stale state from the current one.</summary>
    string Key { get; }

    /// <summary>False when the page shows a "not found" message, answered with 404.</summary>
    bool Found { get; }
}
