using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portal.Localization;

/// <summary>
/// MudBlazor's own words (the breadcrumb trail's label, an alert's close button) from the interface's
/// resource files, under <c>Mud_</c> plus MudBlazor's key (<c>Mud_MudBreadcrumbs_Label</c>); MudBlazor
/// keeps its English for keys the portal does not translate.
/// </summary>
public sealed class PortalMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var name = "Mud_" + key;
            var value = InterfaceText.Get(name);
            return value == name ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, value);
        }
    }
}
