using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Portal.Components.Shared;

/// <summary>
/// The address of the page a component sits on, kept current as the interactive router moves, for the app bar's
/// forms that remember a choice and come back here (the interface language, the theme).
/// </summary>
public abstract class CurrentPathComponentBase : ComponentBase, IDisposable
{
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The page's path and query, from the site's root: <c>/A/75/778?ui=fr</c>.</summary>
    protected string CurrentPath { get; private set; } = "/";

    protected override void OnInitialized()
    {
        CurrentPath = PathOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    private string PathOf(string uri) => "/" + Navigation.ToBaseRelativePath(uri);

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        CurrentPath = PathOf(e.Location);
        InvokeAsync(StateHasChanged);
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
