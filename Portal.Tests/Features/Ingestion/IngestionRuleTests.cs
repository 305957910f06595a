using Portal.Features.Ingestion;

namespace Portal.Tests.Features.Ingestion;

public sealed class SessionOrdinalsTests
{
    [Theory]
    [InlineData("Seventy-fifth", 75)]
    [InlineData("seventy fifth", 75)]
    [InlineData("Seventy-sixth", 76)]
    [InlineData("Soixante-quinzième", 75)]
    [InlineData("Soixante et onzième", 71)]
    [InlineData("Quatre-vingtième", 80)]
    [InlineData("Septuagésimo quinto", 75)]
    [InlineData("Septuagésimo primer", 71)]
    [InlineData("Семьдесят пятая", 75)]
    [InlineData("Семьдесят шестой", 76)]
    [InlineData("الخامسة والسبعون", 75)]
    [InlineData("السادسة والسبعون", 76)]
    [InlineData("75th", 75)]
    public void OrdinalsInEachLanguage(string words, int expected) => Assert.Equal(expected, SessionOrdinals.Parse(words));

    [Theory]
    [InlineData("七十五", 75)]
    [InlineData("七十六", 76)]
    [InlineData("十五", 15)]
    [InlineData("一百零一", 101)]
    public void ChineseNumerals(string numeral, int expected) => Assert.Equal(expected, SessionOrdinals.ParseChinese(numeral));

    [Fact]
    public void AWordThatIsNoOrdinalIsNull() => Assert.Null(SessionOrdinals.Parse("Security"));
}

public sealed class DocumentDatesTests
{
    [Theory]
    [InlineData("Letter dated 30 March 2021 from", "2021-03-30")]
    [InlineData("March 30, 2021", "2021-03-30")]
    [InlineData("Lettre datée du 1er avril 2021", "2021-04-01")]
    [InlineData("Carta de fecha 9 de abril de 2021", "2021-04-09")]
    [InlineData("от 28 июня 2021 года", "2021-06-28")]
    [InlineData("مؤرخة 18 أيار/مايو 2021", "2021-05-18")]
    [InlineData("مؤرخة 5 كانون الثاني/يناير 2021", "2021-01-05")]
    [InlineData("2021 年 3 月 30 日亚美尼亚", "2021-03-30")]
    [InlineData("2021年3月30日", "2021-03-30")]
    public void DatesInEachLanguage(string text, string expected) => Assert.Equal(DateOnly.Parse(expected), DocumentDates.First(text));

    [Theory]
    [InlineData("31 February 2021")]
    [InlineData("A/75/778 of 2021")]
    [InlineData("12 monkeys 2021")]
    public void NotADate(string text) => Assert.Null(DocumentDates.First(text));
}

public sealed class SymbolScannerTests
{
    private static List<string> Symbols(string text) => SymbolScanner.Scan(text).Select(h => h.Symbol.Value).ToList();

    [Theory]
    [InlineData("(A/75/778–S/2021/177, annex)")]
    [InlineData("(A/75/778-S/2021/177，附件)")]
    [InlineData("A/75/778 S/2021/177")]
    [InlineData("A/75/778S/2021/177")]
    [InlineData("A/75/778—S/2021/177")]
    public void AJointSymbolSplitsWhateverJoinsIt(string text)
    {
        var normalized = IngestionText.Normalize(text);
        var groups = SymbolScanner.GroupJoint(normalized, SymbolScanner.Scan(normalized));

        var group = Assert.Single(groups);
        Assert.Equal(["A/75/778", "S/2021/177"], group.Select(h => h.Symbol.Value));
    }

    [Fact]
    public void SuffixesReissuesAndLinksAreUnderstood()
    {
        var hits = SymbolScanner.Scan("A/75/820* replaces A/75/820; see A/76/123/Rev.1, A/75/700/Corr.1, A/75/340/Add.1, A/C.3/75/L.12 and https://undocs.org/ch/A/75/778");

        Assert.True(hits[0].Reissued);
        Assert.Equal(["A/75/820", "A/75/820", "A/76/123/Rev.1", "A/75/700/Corr.1", "A/75/340/Add.1", "A/C.3/75/L.12", "A/75/778"], hits.Select(h => h.Symbol.Value));
    }

    [Theory]
    [InlineData("www.az.undp.org/content/azerbaijan/en/home/presscenter/2018/20-Years.html")]
    [InlineData("speeds of 40 km/h and A/B testing")]
    [InlineData("the 2021/22 season")]
    public void PathsAndFractionsAreNoSymbols(string text) => Assert.Empty(Symbols(text));
}

public sealed class TextLanguageTests
{
    [Theory]
    [InlineData("I have the honour to transmit herewith the statement of the Ministry of Foreign Affairs of my country on the situation.", "en")]
    [InlineData("J'ai l'honneur de vous faire tenir ci-joint le texte de la déclaration du Ministère des affaires étrangères sur la situation dans la région.", "fr")]
    [InlineData("Tengo el honor de transmitirle la declaración del Ministerio de Relaciones Exteriores sobre la situación en la región y los países vecinos.", "es")]
    [InlineData("Имею честь препроводить настоящим заявление Министерства иностранных дел по случаю Международного дня.", "ru")]
    [InlineData("أتشرف بأن أحيل إليكم طيه بيان وزارة الخارجية بشأن التطورات الأخيرة في المنطقة.", "ar")]
    [InlineData("谨随函转递阿尔扎赫共和国外交部长的信，请将本函及其附件作为大会文件分发为荷。", "zh")]
    public void EachLanguageIsTold(string text, string expected) => Assert.Equal(expected, TextLanguage.Detect(text)!.Language.Code);

    [Fact]
    public void TooLittleTextIsNull() => Assert.Null(TextLanguage.Detect("A/75/778"));
}

public sealed class HeaderRulesTests
{
    [Theory]
    [InlineData("Distr.: General\n19 March 2021", "general", "2021-03-19")]
    [InlineData("Distr. générale\n4 juin 2021", "general", "2021-06-04")]
    [InlineData("Distr. limitada\n12 de abril de 2021", "limited", "2021-04-12")]
    [InlineData("Distr.: Restricted 2 July 2021 Original: Russian", "restricted", "2021-07-02")]
    public void DistributionAndDateOfIssue(string header, string distribution, string date)
    {
        Assert.Equal(distribution, HeaderRules.Distribution(header));
        Assert.Equal(DateOnly.Parse(date), HeaderRules.IssueDate(header));
    }

    [Theory]
    [InlineData("Original: English", "en")]
    [InlineData("Original : anglais", "en")]
    [InlineData("Original: español", "es")]
    [InlineData("Подлинный текст: русский", "ru")]
    [InlineData("الأصل: بالعربية", "ar")]
    [InlineData("原件：中文", "zh")]
    public void OriginalLanguage(string header, string code) => Assert.Equal(code, HeaderRules.OriginalLanguage(IngestionText.Normalize(header)));

    [Theory]
    [InlineData("General Assembly\nSeventy-fifth session", 75)]
    [InlineData("Soixante-seizième session", 76)]
    [InlineData("Septuagésimo quinto período de sesiones", 75)]
    [InlineData("Семьдесят шестая сессия", 76)]
    [InlineData("الدورة الخامسة والسبعون", 75)]
    [InlineData("第七十五届会议", 75)]
    public void Session(string header, int session) => Assert.Equal(session, HeaderRules.Session(header));

    [Theory]
    [InlineData("Security Council\nSeventy-sixth year", 76)]
    [InlineData("Soixante-seizième année", 76)]
    [InlineData("Septuagésimo sexto año", 76)]
    [InlineData("Семьдесят шестой год", 76)]
    [InlineData("السنة السادسة والسبعون", 76)]
    [InlineData("第七十六年", 76)]
    public void SecurityCouncilYear(string header, int year) => Assert.Equal(year, HeaderRules.SecurityCouncilYear(header));

    [Theory]
    [InlineData("Agenda items 34, 71, 72 and 135", "34,71,72,135")]
    [InlineData("Item 79 (a) of the provisional agenda*", "79a")]
    [InlineData("Points 18, 19 b), 20 et 72 de la liste préliminaire*", "18,19b,20,72")]
    [InlineData("Temas 34 y 71 del programa", "34,71")]
    [InlineData("Пункт 98 (а) предварительной повестки дня", "98a")]
    [InlineData("البندان 34 و 71 من جدول الأعمال", "34,71")]
    [InlineData("议程项目 34、71、72 和 135", "34,71,72,135")]
    public void AgendaItemsWithSubItems(string line, string expected)
    {
        var found = HeaderRules.FindAgendaItems([line], 0, 1);

        Assert.Equal(expected, string.Join(",", found!.Items.Select(i => $"{i.Number}{i.SubItem}")));
    }

    [Fact]
    public void AnOrganNamedInsideAnAgendaTitleDoesNotEndTheTitles()
    {
        var tail = "Question of equitable representation on and increase in the membership of the Security Council\nSecurity Council\nSeventy-sixth year";

        Assert.Equal(tail.IndexOf("\nSecurity Council", StringComparison.Ordinal) + 1, HeaderRules.AgendaTitlesEnd(tail));
    }
}

public sealed class TitleLineRulesTests
{
    [Theory]
    [InlineData("Letter dated 30 March 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General", "letter", "Armenia", "Secretary-General")]
    [InlineData("Identical letters dated 18 May 2021 from the Permanent Representative of Qatar to the United Nations addressed to the Secretary-General and the President of the Security Council", "identical_letters", "Qatar", "Secretary-General and President of the Security Council")]
    [InlineData("Note verbale dated 2 June 2021 from the Permanent Mission of Mexico to the United Nations addressed to the Secretary-General", "note_verbale", "Mexico", "Secretary-General")]
    [InlineData("Lettre datée du 30 mars 2021, adressée au Secrétaire général par le Représentant permanent de l’Arménie auprès de l’Organisation des Nations Unies", "letter", "Armenia", "Secretary-General")]
    [InlineData("Carta de fecha 9 de abril de 2021 dirigida a la Presidencia del Consejo de Seguridad por el Representante Permanente de Colombia ante las Naciones Unidas", "letter", "Colombia", "President of the Security Council")]
    [InlineData("Письмо Постоянного представителя Российской Федерации при Организации Объединенных Наций от 1 апреля 2021 года на имя Генерального секретаря", "letter", "Russian Federation", "Secretary-General")]
    [InlineData("مذكرة شفوية مؤرخة 2 حزيران/يونيه 2021 موجهة إلى الأمين العام من البعثة الدائمة للمكسيك لدى الأمم المتحدة", "note_verbale", "Mexico", "Secretary-General")]
    [InlineData("2021年3月30日亚美尼亚常驻联合国代表给秘书长的信", "letter", "Armenia", "Secretary-General")]
    [InlineData("2021年5月18日卡塔尔常驻联合国代表给秘书长和安全理事会主席的同文信", "identical_letters", "Qatar", "Secretary-General and President of the Security Council")]
    public void KindSenderAndAddresseeInEachLanguage(string title, string kind, string sender, string addressee)
    {
        var normalized = IngestionText.Normalize(title);
        var parties = TitleLineRules.SenderAndAddressee(normalized);

        Assert.True(TitleLineRules.TitleStart(normalized) >= 0);
        Assert.Equal(kind, TitleLineRules.Kind(normalized));
        Assert.Equal(sender, CountryNames.Find(parties.Sender));
        Assert.Equal(addressee, TitleLineRules.CanonicalAddressee(parties.Addressee));
    }

    [Fact]
    public void AWrappedTitleContinuesUntilItNamesBothEnds()
    {
        Assert.True(TitleLineRules.Continues("Letter dated 15 March 2021 from the Permanent Representative of", "Norway to the United Nations addressed to the Secretary-General"));
        Assert.False(TitleLineRules.Continues("Letter dated 15 March 2021 from the Permanent Representative of Norway to the United Nations addressed to the Secretary-General", "I have the honour to refer"));
        Assert.True(TitleLineRules.Continues("Lettre datée du 2 juin 2021, adressée au Secrétaire général par la Mission permanente du Mexique auprès de", "l’Organisation des Nations Unies"));
    }
}

public sealed class SignatureRulesTests
{
    [Theory]
    [InlineData("en", "(Signed) Mona Juul\nAmbassador\nPermanent Representative", "Mona Juul", "Ambassador, Permanent Representative")]
    [InlineData("fr", "L’Ambassadeur,\nReprésentant permanent\n(Signé) Nicolas de Rivière", "Nicolas de Rivière", "L’Ambassadeur, Représentant permanent")]
    [InlineData("es", "(Firmado) Juan Ramón de la Fuente\nEmbajador", "Juan Ramón de la Fuente", "Embajador")]
    [InlineData("ru", "Постоянный представитель\n(Подпись) В. Небензя", "В. Небензя", "Постоянный представитель")]
    [InlineData("ar", "(توقيع) علياء أحمد بن سيف آل ثاني\nالسفيرة", "علياء أحمد بن سيف آل ثاني", "السفيرة")]
    [InlineData("zh", "常驻代表\n\n大使\n\n米海尔·马尔加良(签名)", "米海尔·马尔加良", "常驻代表, 大使")]
    public void SignatureBlocksInEachLanguage(string language, string block, string name, string title)
    {
        var lines = ("The Government reiterates its position.\n" + block).Split('\n');

        var signatory = Assert.Single(SignatureRules.Find(lines, language));

        Assert.Equal(name, signatory.Name);
        Assert.Equal(title, signatory.Title);
    }
}

public sealed class FootnoteRulesTests
{
    [Fact]
    public void OnlyNumbersThatContinueTheSequenceAreFootnotes()
    {
        string[] lines =
        [
            "Body text.1", "__________________", " 1 First note,", "continued.", " 2 Second note.",
            "  30 years later the body resumes", "__________________", " 3 Third note.", " 5 Not a footnote: the sequence skips.",
        ];

        var notes = FootnoteRules.Find(lines);

        Assert.Equal([1, 2, 3], notes.Select(n => n.Number));
        Assert.Equal("First note, continued.", notes[0].Text);
    }
}

public sealed class PageFurnitureTests
{
    [Theory]
    [InlineData("21-04567 (E)    010421    020421")]
    [InlineData("21-04567* (E)")]
    [InlineData("*2104567*")]
    [InlineData("2/5")]
    [InlineData("3")]
    [InlineData("A/75/778")]
    [InlineData("21-03822 3/3")]
    [InlineData("Please recycle")]
    [InlineData("Merci de recycler")]
    [InlineData("https://undocs.org/ch/A/75/778")]
    [InlineData("Skip to main content")]
    public void FurnitureLines(string line) => Assert.True(PageFurniture.IsFurniture(line));

    [Theory]
    [InlineData("I have the honour to refer to document A/75/778.")]
    [InlineData("(Signed) Mona Juul")]
    [InlineData("Prevention of armed conflict")]
    public void TextLines(string line) => Assert.False(PageFurniture.IsFurniture(line));

    [Fact]
    public void TheJobNumberTellsTheLanguageOfTheVersion()
    {
        Assert.Equal("zh", PageFurniture.JobNumberLanguage("21-04512 (C)"));
        Assert.Equal("fr", PageFurniture.JobNumberLanguage("21-07531 (F)    070621"));
    }
}

public sealed class CountryNamesTests
{
    [Theory]
    [InlineData("Permanent Representative of Armenia to the United Nations", "Armenia")]
    [InlineData("Représentant permanent de l’Arménie auprès de l’Organisation", "Armenia")]
    [InlineData("Representante Permanente de la República Bolivariana de Venezuela", "Venezuela (Bolivarian Republic of)")]
    [InlineData("Постоянного представителя Азербайджана", "Azerbaijan")]
    [InlineData("Постоянного представителя Российской Федерации", "Russian Federation")]
    [InlineData("الممثل الدائم لأرمينيا لدى الأمم المتحدة", "Armenia")]
    [InlineData("南苏丹常驻联合国代表", "South Sudan")]
    [InlineData("Permanent Representative of Sudan", "Sudan")]
    public void StatesInEachLanguageByTheirEnglishName(string phrase, string expected) => Assert.Equal(expected, CountryNames.Find(phrase));

    [Fact]
    public void AnEntityThatIsNoStateIsNull() => Assert.Null(CountryNames.Find("Minister for Foreign Affairs of the Republic of Artsakh"));
}
