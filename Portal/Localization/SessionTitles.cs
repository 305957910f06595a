using System.Globalization;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Localization;

/// <summary>
/// Organ and session names in the interface language, in the compact form lists use ("General
/// Assembly, 75th session", "Assemblée générale, 75e session", "大会第七十五届会议"). A document's
/// header spells the session out in the document's own language instead (HeaderText).
/// </summary>
public static class SessionTitles
{
    public static string OrganName(Organ organ) => InterfaceText.Get(organ switch
    {
        Organ.GeneralAssembly => "OrganGeneralAssembly",
        Organ.SecurityCouncil => "OrganSecurityCouncil",
        _ => "OrganEconomicAndSocialCouncil",
    });

    /// <summary>"75th session", "75e session", "75º período de sesiones", "75-я сессия", "第七十五届会议", "الدورة الخامسة والسبعون".</summary>
    public static string GeneralAssemblySession(int number) => InterfaceText.Format("GeneralAssemblySession", CompactOrdinal(number));

    /// <summary>A session as lists name it: the GA by session, the Security Council and ECOSOC by year.</summary>
    public static string Label(Organ organ, int number) => organ == Organ.GeneralAssembly
        ? InterfaceText.Format("OrganAndSession", OrganName(organ), GeneralAssemblySession(number))
        : InterfaceText.Format("OrganAndYear", OrganName(organ), number.ToString(CultureInfo.InvariantCulture));

    /// <summary>The ordinal as each language abbreviates it in running text; Chinese and Arabic write the words.</summary>
    public static string CompactOrdinal(int number)
    {
        var digits = number.ToString(CultureInfo.InvariantCulture);
        return InterfaceLanguage.Current.Code switch
        {
            "fr" => number == 1 ? "1re" : digits + "e",
            "es" => digits + "º",
            "ru" => digits + "-я",
            "zh" => OrdinalWords.Chinese(number),
            "ar" => OrdinalWords.ArabicFeminine(number),
            _ => digits + ((number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" }),
        };
    }
}
