using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

public sealed class SearchMatchLimitFactory : PortalAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:SearchMatchLimit", "250")];
}

public class SearchMatchLimitTests(SearchMatchLimitFactory app) : IClassFixture<SearchMatchLimitFactory>
{
    [Fact]
    public void TheSearchBoundComesFromConfiguration()
    {
        Assert.Equal(250, app.Services.GetRequiredService<SearchQueries>().MaxMatchedVersions);
    }

    [Fact]
    public void TheDefaultBoundIsTheMeasuredOne()
    {
        using var defaults = new PortalAppFactory();
        Assert.Equal(1_000, defaults.Services.GetRequiredService<SearchQueries>().MaxMatchedVersions);
    }
}
