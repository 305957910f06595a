using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

/// <summary>
/// Member and observer States as the six language versions name them, to propose the sender under its
/// English short name whatever the language of the text. Russian names are matched by stem because
/// titles put them in the genitive ("Постоянного представителя Армении").
/// </summary>
public static class CountryNames
{
    // English | French | Spanish | Russian | Arabic | Chinese
    private const string Table = """
        Afghanistan|Afghanistan|Afganistán|Афганистан|أفغانستان|阿富汗
        Albania|Albanie|Albania|Албания|ألبانيا|阿尔巴尼亚
        Algeria|Algérie|Argelia|Алжир|الجزائر|阿尔及利亚
        Argentina|Argentine|Argentina|Аргентина|الأرجنتين|阿根廷
        Armenia|Arménie|Armenia|Армения|أرمينيا|亚美尼亚
        Australia|Australie|Australia|Австралия|أستراليا|澳大利亚
        Austria|Autriche|Austria|Австрия|النمسا|奥地利
        Azerbaijan|Azerbaïdjan|Azerbaiyán|Азербайджан|أذربيجان|阿塞拜疆
        Bahrain|Bahreïn|Bahrein|Бахрейн|البحرين|巴林
        Bangladesh|Bangladesh|Bangladesh|Бангладеш|بنغلاديش|孟加拉国
        Belarus|Bélarus|Belarús|Беларусь|بيلاروس|白俄罗斯
        Belgium|Belgique|Bélgica|Бельгия|بلجيكا|比利时
        Bolivia (Plurinational State of)|Bolivie|Bolivia|Боливия|بوليفيا|玻利维亚
        Bosnia and Herzegovina|Bosnie-Herzégovine|Bosnia y Herzegovina|Босния и Герцеговина|البوسنة والهرسك|波斯尼亚和黑塞哥维那
        Brazil|Brésil|Brasil|Бразилия|البرازيل|巴西
        Canada|Canada|Canadá|Канада|كندا|加拿大
        Chile|Chili|Chile|Чили|شيلي|智利
        China|Chine|China|Китай|الصين|中国
        Colombia|Colombie|Colombia|Колумбия|كولومبيا|哥伦比亚
        Cuba|Cuba|Cuba|Куба|كوبا|古巴
        Cyprus|Chypre|Chipre|Кипр|قبرص|塞浦路斯
        Democratic People's Republic of Korea|République populaire démocratique de Corée|República Popular Democrática de Corea|Корейская Народно-Демократическая Республика|جمهورية كوريا الشعبية الديمقراطية|朝鲜民主主义人民共和国
        Democratic Republic of the Congo|République démocratique du Congo|República Democrática del Congo|Демократическая Республика Конго|جمهورية الكونغو الديمقراطية|刚果民主共和国
        Ecuador|Équateur|Ecuador|Эквадор|إكوادور|厄瓜多尔
        Egypt|Égypte|Egipto|Египет|مصر|埃及
        Eritrea|Érythrée|Eritrea|Эритрея|إريتريا|厄立特里亚
        Ethiopia|Éthiopie|Etiopía|Эфиопия|إثيوبيا|埃塞俄比亚
        France|France|Francia|Франция|فرنسا|法国
        Georgia|Géorgie|Georgia|Грузия|جورجيا|格鲁吉亚
        Germany|Allemagne|Alemania|Германия|ألمانيا|德国
        Greece|Grèce|Grecia|Греция|اليونان|希腊
        India|Inde|India|Индия|الهند|印度
        Indonesia|Indonésie|Indonesia|Индонезия|إندونيسيا|印度尼西亚
        Iran (Islamic Republic of)|République islamique d'Iran|República Islámica del Irán|Исламская Республика Иран|جمهورية إيران الإسلامية|伊朗伊斯兰共和国
        Iraq|Iraq|Iraq|Ирак|العراق|伊拉克
        Israel|Israël|Israel|Израиль|إسرائيل|以色列
        Italy|Italie|Italia|Италия|إيطاليا|意大利
        Japan|Japon|Japón|Япония|اليابان|日本
        Jordan|Jordanie|Jordania|Иордания|الأردن|约旦
        Kazakhstan|Kazakhstan|Kazajstán|Казахстан|كازاخستان|哈萨克斯坦
        Kenya|Kenya|Kenya|Кения|كينيا|肯尼亚
        Kuwait|Koweït|Kuwait|Кувейт|الكويت|科威特
        Lebanon|Liban|Líbano|Ливан|لبنان|黎巴嫩
        Libya|Libye|Libia|Ливия|ليبيا|利比亚
        Mali|Mali|Malí|Мали|مالي|马里
        Mexico|Mexique|México|Мексика|المكسيك|墨西哥
        Morocco|Maroc|Marruecos|Марокко|المغرب|摩洛哥
        Myanmar|Myanmar|Myanmar|Мьянма|ميانمار|缅甸
        Netherlands|Pays-Bas|Países Bajos|Нидерланды|هولندا|荷兰
        Nicaragua|Nicaragua|Nicaragua|Никарагуа|نيكاراغوا|尼加拉瓜
        Nigeria|Nigéria|Nigeria|Нигерия|نيجيريا|尼日利亚
        Norway|Norvège|Noruega|Норвегия|النرويج|挪威
        Pakistan|Pakistan|Pakistán|Пакистан|باكستان|巴基斯坦
        Peru|Pérou|Perú|Перу|بيرو|秘鲁
        Philippines|Philippines|Filipinas|Филиппины|الفلبين|菲律宾
        Poland|Pologne|Polonia|Польша|بولندا|波兰
        Qatar|Qatar|Qatar|Катар|قطر|卡塔尔
        Republic of Korea|République de Corée|República de Corea|Республика Корея|جمهورية كوريا|大韩民国
        Republic of Moldova|République de Moldova|República de Moldova|Республика Молдова|جمهورية مولدوفا|摩尔多瓦共和国
        Russian Federation|Fédération de Russie|Federación de Rusia|Российская Федерация|الاتحاد الروسي|俄罗斯联邦
        Saudi Arabia|Arabie saoudite|Arabia Saudita|Саудовская Аравия|المملكة العربية السعودية|沙特阿拉伯
        Serbia|Serbie|Serbia|Сербия|صربيا|塞尔维亚
        South Africa|Afrique du Sud|Sudáfrica|Южная Африка|جنوب أفريقيا|南非
        South Sudan|Soudan du Sud|Sudán del Sur|Южный Судан|جنوب السودان|南苏丹
        Spain|Espagne|España|Испания|إسبانيا|西班牙
        State of Palestine|État de Palestine|Estado de Palestina|Государство Палестина|دولة فلسطين|巴勒斯坦国
        Sudan|Soudan|Sudán|Судан|السودان|苏丹
        Sweden|Suède|Suecia|Швеция|السويد|瑞典
        Switzerland|Suisse|Suiza|Швейцария|سويسرا|瑞士
        Syrian Arab Republic|République arabe syrienne|República Árabe Siria|Сирийская Арабская Республика|الجمهورية العربية السورية|阿拉伯叙利亚共和国
        Tunisia|Tunisie|Túnez|Тунис|تونس|突尼斯
        Türkiye|Türkiye|Türkiye|Турция|تركيا|土耳其
        Ukraine|Ukraine|Ucrania|Украина|أوكرانيا|乌克兰
        United Arab Emirates|Émirats arabes unis|Emiratos Árabes Unidos|Объединенные Арабские Эмираты|الإمارات العربية المتحدة|阿拉伯联合酋长国
        United Kingdom of Great Britain and Northern Ireland|Royaume-Uni de Grande-Bretagne et d'Irlande du Nord|Reino Unido de Gran Bretaña e Irlanda del Norte|Соединенное Королевство Великобритании и Северной Ирландии|المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية|大不列颠及北爱尔兰联合王国
        United States of America|États-Unis d'Amérique|Estados Unidos de América|Соединенные Штаты Америки|الولايات المتحدة الأمريكية|美利坚合众国
        Venezuela (Bolivarian Republic of)|République bolivarienne du Venezuela|República Bolivariana de Venezuela|Боливарианская Республика Венесуэла|جمهورية فنزويلا البوليفارية|委内瑞拉玻利瓦尔共和国
        Viet Nam|Viet Nam|Viet Nam|Вьетнам|فييت نام|越南
        Yemen|Yémen|Yemen|Йемен|اليمن|也门
        """;

    private sealed record Entry(string English, Regex Pattern, int Length);

    private static readonly Entry[] Entries = Build();

    /// <summary>The English name of the State named in <paramref name="phrase"/>, the longest match winning.</summary>
    public static string? Find(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return null;
        }
        var folded = IngestionText.Fold(phrase);
        return Entries.Where(e => e.Pattern.IsMatch(folded)).MaxBy(e => e.Length)?.English;
    }

    private static Entry[] Build()
    {
        var entries = new List<Entry>();
        foreach (var row in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var names = row.Split('|');
            foreach (var (name, index) in names.Select((n, i) => (n, i)))
            {
                var folded = IngestionText.Fold(name);
                var pattern = index switch
                {
                    // Russian: each word by its stem, so every case ending matches.
                    3 => string.Join(@"\s+", folded.Split(' ').Select(w => Regex.Escape(w.Length > 5 ? w[..^2] : w.Length > 4 ? w[..^1] : w) + @"\w*")),
                    // Arabic and Chinese words attach to prefixes (لـ, ال) or neighbours: match anywhere.
                    // "للمكسيك": the preposition لـ swallows the article's alef.
                    4 when folded.StartsWith("ال", StringComparison.Ordinal) => "(?:ال|لل)" + Regex.Escape(folded[2..]),
                    4 or 5 => Regex.Escape(folded),
                    _ => @"\b" + Regex.Escape(folded) + @"\b",
                };
                entries.Add(new Entry(names[0], new Regex(pattern, RegexOptions.CultureInvariant), folded.Length));
            }
            // The English short form without its bracketed qualifier: "Bolivia", "Iran", "Venezuela".
            var bare = names[0].Split(" (")[0];
            if (bare != names[0])
            {
                entries.Add(new Entry(names[0], new Regex(@"\b" + Regex.Escape(IngestionText.Fold(bare)) + @"\b"), bare.Length));
            }
        }
        return [.. entries];
    }
}
