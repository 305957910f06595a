using System.Globalization;
using Portal.Catalogue;
using Portal.Data.Entities;

namespace Portal.Tests.Catalogue;

/// <summary>Session names in English; the other languages: SessionTitlesTests, the spelled-out header form: OrdinalWordsTests.</summary>
public class SessionNamesTests
{
    [Theory]
    [InlineData(Organ.GeneralAssembly, 75, "General Assembly, 75th session")]
    [InlineData(Organ.GeneralAssembly, 1, "General Assembly, 1st session")]
    [InlineData(Organ.GeneralAssembly, 112, "General Assembly, 112th session")]
    [InlineData(Organ.SecurityCouncil, 2021, "Security Council, 2021")]
    [InlineData(Organ.EconomicAndSocialCouncil, 2021, "Economic and Social Council, 2021")]
    public void SessionsAreNamedForLists(Organ organ, int number, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal(expected, SessionNames.Label(organ, number));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
