using System.Security.Claims;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

public class ViewerTests
{
    [Fact]
    public void ASignedInAccountBecomesAViewerWithItsRolesAndMemberState()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(ClaimTypes.Role, DocumentAccess.DelegationRole), new Claim(Viewer.MemberStateClaim, "Armenia")],
            authenticationType: "cookie"));

        var viewer = Viewer.From(user);

        Assert.Equal("42", viewer.UserId);
        Assert.True(viewer.IsDelegation);
        Assert.False(viewer.IsSecretariat);
        Assert.Equal("Armenia", viewer.MemberState);
        Assert.Equal("delegation:Armenia", viewer.VisibilityKey);
    }

    [Fact]
    public void AnUnauthenticatedPrincipalIsAnonymousWhateverClaimsItCarries()
    {
        var forged = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, DocumentAccess.SecretariatRole)]));

        Assert.Same(Viewer.Anonymous, Viewer.From(forged));
        Assert.Same(Viewer.Anonymous, Viewer.From(null));
    }

    [Theory]
    [InlineData("public", PublicationStatus.Published, Distribution.General, true)]
    [InlineData("public", PublicationStatus.Published, Distribution.Limited, true)]
    [InlineData("public", PublicationStatus.Published, Distribution.Restricted, false)]
    [InlineData("public", PublicationStatus.Draft, Distribution.General, false)]
    [InlineData("public", PublicationStatus.Withdrawn, Distribution.General, false)]
    [InlineData("delegation", PublicationStatus.Published, Distribution.Restricted, true)]
    [InlineData("other-delegation", PublicationStatus.Published, Distribution.Restricted, false)]
    [InlineData("other-delegation", PublicationStatus.Published, Distribution.General, true)]
    [InlineData("delegation", PublicationStatus.Draft, Distribution.Restricted, false)]
    [InlineData("delegation", PublicationStatus.Withdrawn, Distribution.General, false)]
    [InlineData("secretariat", PublicationStatus.Draft, Distribution.Restricted, true)]
    [InlineData("secretariat", PublicationStatus.Withdrawn, Distribution.General, true)]
    [InlineData("editor-without-two-factors", PublicationStatus.Draft, Distribution.General, false)]
    public void OneRuleDecidesWhatEachViewerSees(string viewer, PublicationStatus status, Distribution distribution, bool visible)
    {
        var who = viewer switch
        {
            "delegation" => Viewers.Delegation,
            "other-delegation" => Viewers.OtherDelegation,
            "secretariat" => Viewers.Secretariat,
            "editor-without-two-factors" => Viewer.From(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, "7"), new Claim(ClaimTypes.Role, PortalRoles.Editor)], authenticationType: "cookie"))),
            _ => Viewers.Public,
        };
        // Restricted to the delegation's own state (Viewers.Delegation is Demoland's).
        var document = new Document { Status = status, Distribution = distribution, MemberStates = [new DocumentMemberState { MemberState = "Demoland" }] };

        Assert.Equal(visible, DocumentAccess.VisibleTo(who).Compile()(document));
    }

    [Fact]
    public void ADelegationAccountWithoutAMemberStateSeesWhatThePublicSees()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "9"), new Claim(ClaimTypes.Role, PortalRoles.Delegation)], authenticationType: "cookie"));

        var viewer = Viewer.From(user);

        Assert.Equal("public", viewer.VisibilityKey);
        Assert.False(DocumentAccess.VisibleTo(viewer).Compile()(new Document { Status = PublicationStatus.Published, Distribution = Distribution.Restricted }));
    }
}
