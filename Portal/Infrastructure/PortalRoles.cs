using Portal.Localization;

namespace Portal.Infrastructure;

/// <summary>
/// The account roles. Anonymous visitors are the public and have no role. A delegation account belongs
/// to one member state; its focal points also invite and remove their mission's accounts. Editors and
/// administrators are the Secretariat, and must sign in with two factors.
/// </summary>
public static class PortalRoles
{
    public const string Delegation = "Delegation";
    public const string FocalPoint = "FocalPoint";
    public const string Editor = "Secretariat";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Delegation, FocalPoint, Editor, Administrator];

    /// <summary>Roles whose accounts may not do anything before two-factor sign-in is set up.</summary>
    public static IReadOnlyList<string> RequiringTwoFactor { get; } = [Editor, Administrator];

    public static string DisplayName(string role) => role switch
    {
        Delegation => InterfaceText.Get("Role_Delegation"),
        FocalPoint => InterfaceText.Get("Role_FocalPoint"),
        Editor => InterfaceText.Get("Role_Editor"),
        Administrator => InterfaceText.Get("Role_Administrator"),
        _ => role,
    };
}
