using System.Security.Claims;
using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>One viewer of each kind, as a signed-in account of that role would be resolved.</summary>
public static class Viewers
{
    public static Viewer Public => Viewer.Anonymous;

    public static Viewer Delegation { get; } = Signed("delegate-1", DocumentAccess.DelegationRole, "Demoland");

    /// <summary>A delegation of a state that the demo's Restricted document (A/75/R.1) does not name.</summary>
    public static Viewer OtherDelegation { get; } = Signed("delegate-2", DocumentAccess.DelegationRole, "Ruritania");

    public static Viewer Secretariat { get; } = Signed("editor-1", DocumentAccess.SecretariatRole, memberState: null);

    private static Viewer Signed(string id, string role, string? memberState)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Role, role), new(Viewer.TwoFactorClaim, "true")];
        if (memberState is not null)
        {
            claims.Add(new Claim(Viewer.MemberStateClaim, memberState));
        }
        return Viewer.From(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test")));
    }
}
