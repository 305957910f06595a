using Portal.Data.Entities;

namespace Portal.Catalogue;

/// <summary>How sessions are named and addressed everywhere in the portal.</summary>
public static class SessionNames
{
    public static string Label(Organ organ, int number) => organ switch
    {
        Organ.GeneralAssembly => $"General Assembly, {Ordinal(number)} session",
        Organ.SecurityCouncil => $"Security Council, {number}",
        _ => $"Economic and Social Council, {number}",
    };

    public static string OrganName(Organ organ) => organ switch
    {
        Organ.GeneralAssembly => "General Assembly",
        Organ.SecurityCouncil => "Security Council",
        _ => "Economic and Social Council",
    };

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

    /// <summary>"Seventy-fifth session" style is for headers; lists use the compact "75th".</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return $"{n}{suffix}";
    }

    private static readonly string[] Units = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    private static readonly string[] Teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
    private static readonly string[] Tens = ["", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"];

    /// <summary>The header form: 75 → "Seventy-fifth", 76 → "Seventy-sixth", 80 → "Eightieth".</summary>
    public static string OrdinalWords(int n)
    {
        if (n is <= 0 or >= 100)
        {
            return Ordinal(n);
        }
        string words;
        if (n < 10)
        {
            words = Units[n];
        }
        else if (n < 20)
        {
            words = Teens[n - 10];
        }
        else if (n % 10 == 0)
        {
            words = Tens[n / 10] + "ieth";
        }
        else
        {
            words = Tens[n / 10] + "y-" + Units[n % 10];
        }
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
