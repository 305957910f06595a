using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data.Search;
using Portal.Features.Sessions;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// That the portal runs each warm-up as it starts. What they read is shown where it is kept:
/// <c>SqliteSearchIndexTests.TheWarmUpAtStartReadsWhatTheFirstSearchAnswersFrom</c> and
/// <c>SessionQueriesTests.TheWarmUpCountsWhatTheFirstHomePageShows</c>.
/// </summary>
public sealed class BackgroundWarmUpTests
{
    [Theory]
    [InlineData(typeof(SearchWarmUp))]
    [InlineData(typeof(SessionCountsWarmUp))]
    public async Task ThePortalRunsTheWarmUpInTheBackgroundAsItStarts(Type warmUpType)
    {
        await using var portal = new PortalAppFactory();
        using var client = portal.CreateClient();

        var warmUp = (BackgroundWarmUp)portal.Services.GetRequiredService(warmUpType);

        Assert.Contains(portal.Services.GetServices<IHostedService>(), service => ReferenceEquals(service, warmUp));
        Assert.NotNull(warmUp.ExecuteTask); // started with the host
        await warmUp.ExecuteTask;
    }
}
