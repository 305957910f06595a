using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Portal.Components.Layout;

/// <summary>
/// Moves the focus to the new page's heading after an in-app navigation, as Blazor's FocusOnNavigate
/// does, but not on the circuit's first render. That render is no navigation: it happens while the
/// visitor may already be typing in the prerendered search box, and FocusOnNavigate's h1 focus made
/// their Enter go nowhere (issue #12). A page load leaves the focus where the browser or visitor put it.
/// </summary>
public sealed class FocusOnPageChange : ComponentBase
{
    private Type? _lastPage;
    private IReadOnlyDictionary<string, object?>? _lastRouteValues;
    private bool _focusAfterRender;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Parameter, EditorRequired]
    public Microsoft.AspNetCore.Components.RouteData RouteData { get; set; } = null!;

    /// <summary>The element to focus, such as <c>h1</c>.</summary>
    [Parameter, EditorRequired]
    public string Selector { get; set; } = "";

    protected override void OnParametersSet()
    {
        if (RouteData.PageType == _lastPage && RouteData.RouteValues == _lastRouteValues)
        {
            return;
        }
        _focusAfterRender = _lastPage is not null;
        _lastPage = RouteData.PageType;
        _lastRouteValues = RouteData.RouteValues;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusAfterRender)
        {
            _focusAfterRender = false;
            await JS.InvokeVoidAsync("portalFocus", Selector);
        }
    }
}
