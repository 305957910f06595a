using Portal.Data.Entities;
using Portal.Localization;

namespace Portal.Catalogue;

/// <summary>How sessions are named and addressed everywhere in the portal.</summary>
public static class SessionNames
{
    /// <summary>"General Assembly, 75th session", "Security Council, 2021", in the interface language (SessionTitles).</summary>
    public static string Label(Organ organ, int number) => SessionTitles.Label(organ, number);

    public static string OrganName(Organ organ) => SessionTitles.OrganName(organ);

    /// <summary>The slug in URLs: <c>/sessions/ga/75</c>, <c>/sessions/sc/2021</c>, <c>/sessions/ecosoc/2021</c>.</summary>
    public static string Slug(Organ organ) => organ switch
    {
        Organ.GeneralAssembly => "ga",
        Organ.SecurityCouncil => "sc",
        _ => "ecosoc",
    };

    public static bool TryParseSlug(string? slug, out Organ organ)
    {
        organ = slug?.ToLowerInvariant() switch
        {
            "ga" => Organ.GeneralAssembly,
            "sc" => Organ.SecurityCouncil,
            "ecosoc" => Organ.EconomicAndSocialCouncil,
            _ => 0,
        };
        return organ != 0;
    }
}
