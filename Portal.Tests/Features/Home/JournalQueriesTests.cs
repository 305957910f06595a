using Portal.Features.Home;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Home;

public class JournalQueriesTests
{
    [Fact]
    public async Task JournalListsNewestFirstAndHidesRestrictedAndDrafts()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var recent = await new JournalQueries(database).ListRecentAsync(Viewers.Public, 50);

        var dates = recent.Select(r => r.IssuedOn ?? r.DatedOn ?? DateOnly.MinValue).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal("S/2022/50", recent[0].Symbols[0]);
        Assert.DoesNotContain(recent, r => r.Symbols.Contains("A/75/R.1") || r.Symbols.Contains("A/75/990"));
        Assert.Contains(recent, r => r.Symbols.Count == 0); // the seed letter, whose symbol is not known
    }
}
