using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Documents;

namespace Portal.Tests.Domain;

/// <summary>
/// Session and year ordinals in the six languages at the numbers where the words change shape: the
/// first ones, the teens, the round tens, the 1 after a ten (21st, 71st, 81st), 100 and beyond.
/// </summary>
public class OrdinalWordsTests
{
    [Theory]
    [InlineData(1, "first")]
    [InlineData(2, "second")]
    [InlineData(3, "third")]
    [InlineData(10, "tenth")]
    [InlineData(11, "eleventh")]
    [InlineData(12, "twelfth")]
    [InlineData(13, "thirteenth")]
    [InlineData(20, "twentieth")]
    [InlineData(21, "twenty-first")]
    [InlineData(40, "fortieth")]
    [InlineData(75, "seventy-fifth")]
    [InlineData(80, "eightieth")]
    [InlineData(99, "ninety-ninth")]
    [InlineData(100, "one hundredth")]
    [InlineData(101, "one hundred and first")]
    [InlineData(111, "one hundred and eleventh")]
    [InlineData(200, "two hundredth")]
    [InlineData(999, "nine hundred and ninety-ninth")]
    public void English(int n, string expected) => Assert.Equal(expected, OrdinalWords.English(n));

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(16, "十六")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(75, "七十五")]
    [InlineData(80, "八十")]
    [InlineData(99, "九十九")]
    [InlineData(100, "一百")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(115, "一百一十五")]
    [InlineData(120, "一百二十")]
    [InlineData(305, "三百零五")]
    public void Chinese(int n, string expected) => Assert.Equal(expected, OrdinalWords.Chinese(n));

    [Theory]
    [InlineData(1, "الأولى")]
    [InlineData(2, "الثانية")]
    [InlineData(10, "العاشرة")]
    [InlineData(11, "الحادية عشرة")]
    [InlineData(12, "الثانية عشرة")]
    [InlineData(20, "العشرون")]
    [InlineData(21, "الحادية والعشرون")]
    [InlineData(30, "الثلاثون")]
    [InlineData(75, "الخامسة والسبعون")]
    [InlineData(76, "السادسة والسبعون")]
    [InlineData(80, "الثمانون")]
    [InlineData(100, "المائة")]
    [InlineData(101, "الحادية بعد المائة")]
    [InlineData(102, "الثانية بعد المائة")]
    [InlineData(111, "الحادية عشرة بعد المائة")]
    [InlineData(125, "الخامسة والعشرون بعد المائة")]
    [InlineData(200, "المائتان")]
    [InlineData(201, "الحادية بعد المائتين")]
    public void ArabicFeminine(int n, string expected) => Assert.Equal(expected, OrdinalWords.ArabicFeminine(n));

    [Theory]
    [InlineData(1, "première")]
    [InlineData(2, "deuxième")]
    [InlineData(4, "quatrième")]
    [InlineData(5, "cinquième")]
    [InlineData(9, "neuvième")]
    [InlineData(10, "dixième")]
    [InlineData(11, "onzième")]
    [InlineData(17, "dix-septième")]
    [InlineData(21, "vingt et unième")]
    [InlineData(70, "soixante-dixième")]
    [InlineData(71, "soixante et onzième")]
    [InlineData(75, "soixante-quinzième")]
    [InlineData(80, "quatre-vingtième")]
    [InlineData(81, "quatre-vingt-unième")]
    [InlineData(91, "quatre-vingt-onzième")]
    [InlineData(99, "quatre-vingt-dix-neuvième")]
    [InlineData(100, "centième")]
    [InlineData(101, "cent unième")]
    [InlineData(180, "cent quatre-vingtième")]
    [InlineData(200, "deux centième")]
    public void French(int n, string expected) => Assert.Equal(expected, OrdinalWords.French(n));

    [Theory]
    [InlineData(1, true, "первая")]
    [InlineData(3, true, "третья")]
    [InlineData(11, true, "одиннадцатая")]
    [InlineData(21, true, "двадцать первая")]
    [InlineData(23, true, "двадцать третья")]
    [InlineData(40, true, "сороковая")]
    [InlineData(75, true, "семьдесят пятая")]
    [InlineData(80, true, "восьмидесятая")]
    [InlineData(100, true, "сотая")]
    [InlineData(101, true, "сто первая")]
    [InlineData(300, true, "трехсотая")]
    [InlineData(11, false, "одиннадцатый")]
    [InlineData(76, false, "семьдесят шестой")]
    [InlineData(80, false, "восьмидесятый")]
    [InlineData(100, false, "сотый")]
    [InlineData(123, false, "сто двадцать третий")]
    public void Russian(int n, bool feminine, string expected) => Assert.Equal(expected, OrdinalWords.Russian(n, feminine));

    [Theory]
    [InlineData(1, "primer")]
    [InlineData(3, "tercer")]
    [InlineData(10, "décimo")]
    [InlineData(11, "undécimo")]
    [InlineData(12, "duodécimo")]
    [InlineData(13, "decimotercer")]
    [InlineData(17, "decimoséptimo")]
    [InlineData(18, "decimoctavo")]
    [InlineData(20, "vigésimo")]
    [InlineData(21, "vigésimo primer")]
    [InlineData(75, "septuagésimo quinto")]
    [InlineData(80, "octogésimo")]
    [InlineData(100, "centésimo")]
    [InlineData(101, "centésimo primer")]
    [InlineData(200, "ducentésimo")]
    public void Spanish(int n, string expected) => Assert.Equal(expected, OrdinalWords.Spanish(n));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1000)]
    public void NumbersBeyondTheWordsFallBackToDigits(int n)
    {
        var digits = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All([OrdinalWords.English(n), OrdinalWords.Chinese(n), OrdinalWords.ArabicFeminine(n), OrdinalWords.French(n), OrdinalWords.Russian(n, true), OrdinalWords.Spanish(n)],
            words => Assert.Equal(digits, words));
    }

    [Theory]
    [InlineData("en", 1, "First session")]
    [InlineData("en", 11, "Eleventh session")]
    [InlineData("en", 21, "Twenty-first session")]
    [InlineData("en", 80, "Eightieth session")]
    [InlineData("en", 100, "One hundredth session")]
    [InlineData("zh", 1, "第一届会议")]
    [InlineData("zh", 11, "第十一届会议")]
    [InlineData("zh", 21, "第二十一届会议")]
    [InlineData("zh", 80, "第八十届会议")]
    [InlineData("zh", 100, "第一百届会议")]
    [InlineData("ar", 1, "الدورة الأولى")]
    [InlineData("ar", 11, "الدورة الحادية عشرة")]
    [InlineData("ar", 21, "الدورة الحادية والعشرون")]
    [InlineData("ar", 80, "الدورة الثمانون")]
    [InlineData("ar", 100, "الدورة المائة")]
    [InlineData("fr", 1, "Première session")]
    [InlineData("fr", 11, "Onzième session")]
    [InlineData("fr", 21, "Vingt et unième session")]
    [InlineData("fr", 80, "Quatre-vingtième session")]
    [InlineData("fr", 100, "Centième session")]
    [InlineData("ru", 1, "Первая сессия")]
    [InlineData("ru", 11, "Одиннадцатая сессия")]
    [InlineData("ru", 21, "Двадцать первая сессия")]
    [InlineData("ru", 80, "Восьмидесятая сессия")]
    [InlineData("ru", 100, "Сотая сессия")]
    [InlineData("es", 1, "Primer período de sesiones")]
    [InlineData("es", 11, "Undécimo período de sesiones")]
    [InlineData("es", 21, "Vigésimo primer período de sesiones")]
    [InlineData("es", 80, "Octogésimo período de sesiones")]
    [InlineData("es", 100, "Centésimo período de sesiones")]
    public void GeneralAssemblySessionLinesInEveryLanguage(string language, int session, string expected) =>
        Assert.Equal(expected, HeaderText.For(language).SessionLine(Organ.GeneralAssembly, session));

    [Fact]
    public void EverySessionFromTheFirstToTheLargestIsSpelledOutInEveryLanguage()
    {
        foreach (var language in UnLanguage.All)
        {
            var text = HeaderText.For(language.Code);
            var lines = Enumerable.Range(1, OrdinalWords.Largest).Select(n => text.SessionLine(Organ.GeneralAssembly, n)).ToList();
            Assert.All(lines, line => Assert.DoesNotMatch(@"\d", line));
            Assert.Equal(lines.Count, lines.Distinct().Count());
        }
    }
}
