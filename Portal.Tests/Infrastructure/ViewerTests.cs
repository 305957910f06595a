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
        Assert.Equal("delegation", viewer.VisibilityKey);
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
    [InlineData("public", PublicationStatus.Published, Distribution.Restricted, false)]
    [InlineData("public", PublicationStatus.Draft, Distribution.General, false)]
    [InlineData("delegation", PublicationStatus.Published, Distribution.Restricted, true)]
    [InlineData("delegation", PublicationStatus.Draft, Distribution.General, false)]
    [InlineData("secretariat", PublicationStatus.Draft, Distribution.Restricted, true)]
    public void OneRuleDecidesWhatEachViewerSees(string viewer, PublicationStatus status, Distribution distribution, bool visible)
    {
        var who = viewer switch { "delegation" => Viewers.Delegation, "secretariat" => Viewers.Secretariat, _ => Viewers.Public };
        var document = new Document { Status = status, Distribution = distribution };

        Assert.Equal(visible, DocumentAccess.VisibleTo(who).Compile()(document));
    }
}
