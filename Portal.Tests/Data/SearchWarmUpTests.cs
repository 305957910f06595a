using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>What the warm-up reads is shown by <c>SqliteSearchIndexTests.TheWarmUpAtStartReadsWhatTheFirstSearchAnswersFrom</c>; here, that the portal runs it.</summary>
public sealed class SearchWarmUpTests
{
    [Fact]
    public async Task ThePortalWarmsSearchUpInTheBackgroundAsItStarts()
    {
        await using var portal = new PortalAppFactory();
        using var client = portal.CreateClient();

        var warmUp = portal.Services.GetRequiredService<SearchWarmUp>();

        Assert.NotNull(warmUp.ExecuteTask); // started with the host
        await warmUp.ExecuteTask;
    }
}
