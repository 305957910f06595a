using System.Globalization;
using Portal.Components.Shared;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Localization;

namespace Portal.Tests.Localization;

/// <summary>Session names and counted nouns in each interface language, as lists and headings show them.</summary>
public class SessionTitlesTests
{
    private static T In<T>(string language, Func<T> read)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = InterfaceLanguage.FormattingCulture(UnLanguage.FromCode(language));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Theory]
    [InlineData("en", "General Assembly, 75th session", "Security Council, 2021", "71st session")]
    [InlineData("fr", "Assemblée générale, 75e session", "Conseil de sécurité, 2021", "71e session")]
    [InlineData("es", "Asamblea General, 75º período de sesiones", "Consejo de Seguridad, 2021", "71º período de sesiones")]
    [InlineData("ru", "Генеральная Ассамблея, 75-я сессия", "Совет Безопасности, 2021", "71-я сессия")]
    [InlineData("zh", "大会第七十五届会议", "安全理事会，2021年", "第七十一届会议")]
    [InlineData("ar", "الجمعية العامة، الدورة الخامسة والسبعون", "مجلس الأمن، 2021", "الدورة الحادية والسبعون")]
    public void SessionsAreNamedInTheInterfaceLanguage(string language, string ga75, string sc2021, string ga71)
    {
        Assert.Equal(ga75, In(language, () => SessionTitles.Label(Organ.GeneralAssembly, 75)));
        Assert.Equal(sc2021, In(language, () => SessionTitles.Label(Organ.SecurityCouncil, 2021)));
        Assert.Equal(ga71, In(language, () => SessionTitles.GeneralAssemblySession(71)));
    }

    [Theory]
    [InlineData("en", 1, "1st session")]
    [InlineData("en", 11, "11th session")]
    [InlineData("en", 22, "22nd session")]
    [InlineData("en", 113, "113th session")]
    [InlineData("fr", 1, "1re session")]
    [InlineData("fr", 2, "2e session")]
    public void CompactOrdinalsFollowEachLanguagesAbbreviation(string language, int number, string expected) =>
        Assert.Equal(expected, In(language, () => SessionTitles.GeneralAssemblySession(number)));

    [Theory]
    [InlineData("en", 0, "0 documents")]
    [InlineData("en", 1, "1 document")]
    [InlineData("en", 1204, "1,204 documents")]
    [InlineData("fr", 0, "0 document")]
    [InlineData("fr", 1, "1 document")]
    [InlineData("fr", 2, "2 documents")]
    [InlineData("fr", 1204, "1\u202F204 documents")]
    [InlineData("es", 1, "1 documento")]
    [InlineData("es", 5, "5 documentos")]
    [InlineData("ru", 1, "1 документ")]
    [InlineData("ru", 3, "3 документа")]
    [InlineData("ru", 5, "5 документов")]
    [InlineData("ru", 11, "11 документов")]
    [InlineData("ru", 21, "21 документ")]
    [InlineData("ru", 24, "24 документа")]
    [InlineData("zh", 1, "1 份文件")]
    [InlineData("ar", 0, "لا توجد وثائق")]
    [InlineData("ar", 1, "وثيقة واحدة")]
    [InlineData("ar", 2, "وثيقتان")]
    [InlineData("ar", 3, "3 وثائق")]
    [InlineData("ar", 11, "11 وثيقة")]
    [InlineData("ar", 100, "100 وثيقة")]
    public void CountsTakeTheFormTheirNumberNeeds(string language, int count, string expected) =>
        Assert.Equal(expected, In(language, () => Plurals.Documents(count)));
}
