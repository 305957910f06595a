using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Documents;

namespace Portal.Tests.Features.Documents;

/// <summary>The header wording of each language version (the ordinal words themselves: OrdinalWordsTests).</summary>
public class HeaderTextTests
{
    [Theory]
    [InlineData("en", "Seventy-fifth session", "Seventy-sixth year")]
    [InlineData("zh", "第七十五届会议", "第七十六年")]
    [InlineData("ar", "الدورة الخامسة والسبعون", "السنة السادسة والسبعون")]
    [InlineData("fr", "Soixante-quinzième session", "Soixante-seizième année")]
    [InlineData("ru", "Семьдесят пятая сессия", "Семьдесят шестой год")]
    [InlineData("es", "Septuagésimo quinto período de sesiones", "Septuagésimo sexto año")]
    public void SessionAndYearLinesReadAsTheUnPrintsThem(string language, string session, string year)
    {
        var text = HeaderText.For(language);

        Assert.Equal(session, text.SessionLine(Organ.GeneralAssembly, 75));
        Assert.Equal(year, text.SessionLine(Organ.SecurityCouncil, 2021));
    }

    [Theory]
    [InlineData("en", "Agenda item 71", "Agenda items 34, 71, 72 and 135")]
    [InlineData("zh", "议程项目 71", "议程项目 34、71、72 和 135")]
    [InlineData("ar", "البند 71 من جدول الأعمال", "البنود 34 و 71 و 72 و 135 من جدول الأعمال")]
    [InlineData("fr", "Point 71 de l’ordre du jour", "Points 34, 71, 72 et 135 de l’ordre du jour")]
    [InlineData("ru", "Пункт 71 повестки дня", "Пункты 34, 71, 72 и 135 повестки дня")]
    [InlineData("es", "Tema 71 del programa", "Temas 34, 71, 72 y 135 del programa")]
    public void AgendaLinesUseTheLanguagesOwnWordsAndListJoins(string language, string one, string four)
    {
        var text = HeaderText.For(language);

        Assert.Equal(one, text.AgendaLine([71]));
        Assert.Equal(four, text.AgendaLine([34, 71, 72, 135]));
    }

    [Theory]
    [InlineData("zh", "en", "Distr.: General", "30 March 2021", "Chinese", "Original: English")]
    [InlineData("ar", "en", "Distr.: General", "30 March 2021", "Arabic", "Original: English")]
    [InlineData("ru", "en", "Distr.: General", "30 March 2021", "Russian", "Original: English")]
    [InlineData("fr", "fr", "Distr. générale", "30 mars 2021", "Français", "Original\u202F: anglais")]
    [InlineData("es", "es", "Distr. general", "30 de marzo de 2021", "Español", "Original: inglés")]
    [InlineData("en", "en", "Distr.: General", "30 March 2021", null, "Original: English")]
    public void TheDistributionBlockFollowsUnPractice(string language, string blockLanguage, string distr, string date, string? versionLine, string original)
    {
        var text = HeaderText.For(language);

        Assert.Equal(blockLanguage, text.BlockLanguage);
        Assert.Equal(distr, text.Distributions[Distribution.General]);
        Assert.Equal(date, text.Date(new DateOnly(2021, 3, 30)));
        Assert.Equal(versionLine, text.VersionLine);
        Assert.Equal(original, text.OriginalLine("en"));
    }

    [Fact]
    public void EveryTableNamesEveryOrganDistributionAndLanguage()
    {
        foreach (var language in UnLanguage.All)
        {
            var text = HeaderText.For(language.Code);
            Assert.Equal(language.Code, text.Language);
            Assert.All(Enum.GetValues<Organ>(), o => Assert.False(string.IsNullOrWhiteSpace(text.Organs[o])));
            Assert.All(Enum.GetValues<Distribution>(), d => Assert.False(string.IsNullOrWhiteSpace(text.Distributions[d])));
            Assert.All(UnLanguage.All, l => Assert.False(string.IsNullOrWhiteSpace(text.LanguageNames[l.Code])));
            Assert.Contains(text.NotStated, text.OriginalLine(null));
        }
        Assert.Equal("zh", HeaderText.For("ch").Language);
        Assert.Equal("en", HeaderText.For("xx").Language);
    }
}
