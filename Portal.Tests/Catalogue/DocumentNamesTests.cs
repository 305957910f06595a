using System.Globalization;
using Portal.Catalogue;
using Portal.Data.Entities;

namespace Portal.Tests.Catalogue;

/// <summary>
/// A document without a symbol is named from its kind, date and sender in the interface language, the sender (stored
/// under its English short name) as that language names the State. The scans of rendered pages leave these formats
/// out (they join data with one word), so each language is checked here.
/// </summary>
public class DocumentNamesTests
{
    private static string InLanguage(string language, Func<string> name)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
            return name();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }

    [Theory]
    [InlineData("en", "Letter dated 30 March 2021 from Armenia")]
    [InlineData("fr", "Lettre du 30 mars 2021 (Arménie)")]
    [InlineData("es", "Carta de fecha 30 de marzo de 2021 (Armenia)")]
    [InlineData("zh", "2021年3月30日亚美尼亚的信")]
    public void ALetterWithoutASymbolIsNamedInTheInterfaceLanguage(string language, string expected) =>
        Assert.Equal(expected, InLanguage(language, () => DocumentNames.Of([], DocumentKind.Letter, new DateOnly(2021, 3, 30), null, "Armenia", "title")));

    [Fact]
    public void RussianAndArabicNameTheStateAndTheKindInTheirOwnWords()
    {
        var russian = InLanguage("ru", () => DocumentNames.Of([], DocumentKind.Letter, new DateOnly(2021, 3, 30), null, "Armenia", null));
        var arabic = InLanguage("ar", () => DocumentNames.Of([], DocumentKind.Letter, new DateOnly(2021, 3, 30), null, "Armenia", null));

        Assert.StartsWith("Письмо от 30 марта 2021", russian);
        Assert.EndsWith("(Армения)", russian);
        Assert.StartsWith("رسالة بتاريخ", arabic);
        Assert.EndsWith("(أرمينيا)", arabic);
    }

    [Theory]
    [InlineData("en", "Report issued 1 June 2021")]
    [InlineData("zh", "2021年6月1日发布的报告")]
    public void AnIssueDateWithoutSenderNamesTheKindAndTheDay(string language, string expected) =>
        Assert.Equal(expected, InLanguage(language, () => DocumentNames.Of([], DocumentKind.Report, null, new DateOnly(2021, 6, 1), null, null)));

    [Theory]
    [InlineData("fr", "Document (Demoland)")] // not a Member State: as stored
    [InlineData("zh", "Demoland的文件")]
    public void ASenderThatIsNotAStateIsKeptAsStored(string language, string expected) =>
        Assert.Equal(expected, InLanguage(language, () => DocumentNames.Of([], DocumentKind.Other, null, null, "Demoland", null)));

    [Fact]
    public void ASymbolIsTheNameAndNothingKnownFallsBackToTheTitleOrUntitled()
    {
        Assert.Equal("A/75/778–S/2021/177", DocumentNames.Of(["A/75/778", "S/2021/177"], DocumentKind.Letter, new DateOnly(2021, 3, 30), null, "Armenia", null));
        Assert.Equal("Titre", InLanguage("fr", () => DocumentNames.Of([], DocumentKind.Letter, null, null, null, " Titre ")));
        Assert.Equal("Document sans titre", InLanguage("fr", () => DocumentNames.Of([], DocumentKind.Letter, null, null, null, null)));
    }
}
