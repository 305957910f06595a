namespace Portal.Catalogue;

/// <summary>
/// The 193 Member States and the two observer States (Holy See, State of Palestine) as the UN's six language versions
/// name them. The catalogue stores a sender under its English short name; pages name it in the interface language.
/// </summary>
public static class MemberStateNames
{
    // English | French | Spanish | Russian | Arabic | Chinese
    private const string Table = """
        Afghanistan|Afghanistan|Afganistán|Афганистан|أفغانستان|阿富汗
        Albania|Albanie|Albania|Албания|ألبانيا|阿尔巴尼亚
        Algeria|Algérie|Argelia|Алжир|الجزائر|阿尔及利亚
        Andorra|Andorre|Andorra|Андорра|أندورا|安道尔
        Angola|Angola|Angola|Ангола|أنغولا|安哥拉
        Antigua and Barbuda|Antigua-et-Barbuda|Antigua y Barbuda|Антигуа и Барбуда|أنتيغوا وبربودا|安提瓜和巴布达
        Argentina|Argentine|Argentina|Аргентина|الأرجنتين|阿根廷
        Armenia|Arménie|Armenia|Армения|أرمينيا|亚美尼亚
        Australia|Australie|Australia|Австралия|أستراليا|澳大利亚
        Austria|Autriche|Austria|Австрия|النمسا|奥地利
        Azerbaijan|Azerbaïdjan|Azerbaiyán|Азербайджан|أذربيجان|阿塞拜疆
        Bahamas|Bahamas|Bahamas|Багамские Острова|جزر البهاما|巴哈马
        Bahrain|Bahreïn|Bahrein|Бахрейн|البحرين|巴林
        Bangladesh|Bangladesh|Bangladesh|Бангладеш|بنغلاديش|孟加拉国
        Barbados|Barbade|Barbados|Барбадос|بربادوس|巴巴多斯
        Belarus|Bélarus|Belarús|Беларусь|بيلاروس|白俄罗斯
        Belgium|Belgique|Bélgica|Бельгия|بلجيكا|比利时
        Belize|Belize|Belice|Белиз|بليز|伯利兹
        Benin|Bénin|Benin|Бенин|بنن|贝宁
        Bhutan|Bhoutan|Bhután|Бутан|بوتان|不丹
        Bolivia (Plurinational State of)|Bolivie|Bolivia|Боливия|بوليفيا|玻利维亚
        Bosnia and Herzegovina|Bosnie-Herzégovine|Bosnia y Herzegovina|Босния и Герцеговина|البوسنة والهرسك|波斯尼亚和黑塞哥维那
        Botswana|Botswana|Botswana|Ботсвана|بوتسوانا|博茨瓦纳
        Brazil|Brésil|Brasil|Бразилия|البرازيل|巴西
        Brunei Darussalam|Brunéi Darussalam|Brunei Darussalam|Бруней-Даруссалам|بروني دار السلام|文莱达鲁萨兰国
        Bulgaria|Bulgarie|Bulgaria|Болгария|بلغاريا|保加利亚
        Burkina Faso|Burkina Faso|Burkina Faso|Буркина-Фасо|بوركينا فاسو|布基纳法索
        Burundi|Burundi|Burundi|Бурунди|بوروندي|布隆迪
        Cabo Verde|Cabo Verde|Cabo Verde|Кабо-Верде|كابو فيردي|佛得角
        Cambodia|Cambodge|Camboya|Камбоджа|كمبوديا|柬埔寨
        Cameroon|Cameroun|Camerún|Камерун|الكاميرون|喀麦隆
        Canada|Canada|Canadá|Канада|كندا|加拿大
        Central African Republic|République centrafricaine|República Centroafricana|Центральноафриканская Республика|جمهورية أفريقيا الوسطى|中非共和国
        Chad|Tchad|Chad|Чад|تشاد|乍得
        Chile|Chili|Chile|Чили|شيلي|智利
        China|Chine|China|Китай|الصين|中国
        Colombia|Colombie|Colombia|Колумбия|كولومبيا|哥伦比亚
        Comoros|Comores|Comoras|Коморские Острова|جزر القمر|科摩罗
        Congo|Congo|Congo|Конго|الكونغو|刚果
        Costa Rica|Costa Rica|Costa Rica|Коста-Рика|كوستاريكا|哥斯达黎加
        Côte d'Ivoire|Côte d'Ivoire|Côte d'Ivoire|Кот-д'Ивуар|كوت ديفوار|科特迪瓦
        Croatia|Croatie|Croacia|Хорватия|كرواتيا|克罗地亚
        Cuba|Cuba|Cuba|Куба|كوبا|古巴
        Cyprus|Chypre|Chipre|Кипр|قبرص|塞浦路斯
        Czechia|Tchéquie|Chequia|Чехия|تشيكيا|捷克
        Democratic People's Republic of Korea|République populaire démocratique de Corée|República Popular Democrática de Corea|Корейская Народно-Демократическая Республика|جمهورية كوريا الشعبية الديمقراطية|朝鲜民主主义人民共和国
        Democratic Republic of the Congo|République démocratique du Congo|República Democrática del Congo|Демократическая Республика Конго|جمهورية الكونغو الديمقراطية|刚果民主共和国
        Denmark|Danemark|Dinamarca|Дания|الدانمرك|丹麦
        Djibouti|Djibouti|Djibouti|Джибути|جيبوتي|吉布提
        Dominica|Dominique|Dominica|Доминика|دومينيكا|多米尼克
        Dominican Republic|République dominicaine|República Dominicana|Доминиканская Республика|الجمهورية الدومينيكية|多米尼加共和国
        Ecuador|Équateur|Ecuador|Эквадор|إكوادور|厄瓜多尔
        Egypt|Égypte|Egipto|Египет|مصر|埃及
        El Salvador|El Salvador|El Salvador|Сальвадор|السلفادور|萨尔瓦多
        Equatorial Guinea|Guinée équatoriale|Guinea Ecuatorial|Экваториальная Гвинея|غينيا الاستوائية|赤道几内亚
        Eritrea|Érythrée|Eritrea|Эритрея|إريتريا|厄立特里亚
        Estonia|Estonie|Estonia|Эстония|إستونيا|爱沙尼亚
        Eswatini|Eswatini|Eswatini|Эсватини|إسواتيني|斯威士兰
        Ethiopia|Éthiopie|Etiopía|Эфиопия|إثيوبيا|埃塞俄比亚
        Fiji|Fidji|Fiji|Фиджи|فيجي|斐济
        Finland|Finlande|Finlandia|Финляндия|فنلندا|芬兰
        France|France|Francia|Франция|فرنسا|法国
        Gabon|Gabon|Gabón|Габон|غابون|加蓬
        Gambia|Gambie|Gambia|Гамбия|غامبيا|冈比亚
        Georgia|Géorgie|Georgia|Грузия|جورجيا|格鲁吉亚
        Germany|Allemagne|Alemania|Германия|ألمانيا|德国
        Ghana|Ghana|Ghana|Гана|غانا|加纳
        Greece|Grèce|Grecia|Греция|اليونان|希腊
        Grenada|Grenade|Granada|Гренада|غرينادا|格林纳达
        Guatemala|Guatemala|Guatemala|Гватемала|غواتيمالا|危地马拉
        Guinea|Guinée|Guinea|Гвинея|غينيا|几内亚
        Guinea-Bissau|Guinée-Bissau|Guinea-Bissau|Гвинея-Бисау|غينيا - بيساو|几内亚比绍
        Guyana|Guyana|Guyana|Гайана|غيانا|圭亚那
        Haiti|Haïti|Haití|Гаити|هايتي|海地
        Holy See|Saint-Siège|Santa Sede|Святейший Престол|الكرسي الرسولي|教廷
        Honduras|Honduras|Honduras|Гондурас|هندوراس|洪都拉斯
        Hungary|Hongrie|Hungría|Венгрия|هنغاريا|匈牙利
        Iceland|Islande|Islandia|Исландия|آيسلندا|冰岛
        India|Inde|India|Индия|الهند|印度
        Indonesia|Indonésie|Indonesia|Индонезия|إندونيسيا|印度尼西亚
        Iran (Islamic Republic of)|République islamique d'Iran|República Islámica del Irán|Исламская Республика Иран|جمهورية إيران الإسلامية|伊朗伊斯兰共和国
        Iraq|Iraq|Iraq|Ирак|العراق|伊拉克
        Ireland|Irlande|Irlanda|Ирландия|آيرلندا|爱尔兰
        Israel|Israël|Israel|Израиль|إسرائيل|以色列
        Italy|Italie|Italia|Италия|إيطاليا|意大利
        Jamaica|Jamaïque|Jamaica|Ямайка|جامايكا|牙买加
        Japan|Japon|Japón|Япония|اليابان|日本
        Jordan|Jordanie|Jordania|Иордания|الأردن|约旦
        Kazakhstan|Kazakhstan|Kazajstán|Казахстан|كازاخستان|哈萨克斯坦
        Kenya|Kenya|Kenya|Кения|كينيا|肯尼亚
        Kiribati|Kiribati|Kiribati|Кирибати|كيريباس|基里巴斯
        Kuwait|Koweït|Kuwait|Кувейт|الكويت|科威特
        Kyrgyzstan|Kirghizistan|Kirguistán|Кыргызстан|قيرغيزستان|吉尔吉斯斯坦
        Lao People's Democratic Republic|République démocratique populaire lao|República Democrática Popular Lao|Лаосская Народно-Демократическая Республика|جمهورية لاو الديمقراطية الشعبية|老挝人民民主共和国
        Latvia|Lettonie|Letonia|Латвия|لاتفيا|拉脱维亚
        Lebanon|Liban|Líbano|Ливан|لبنان|黎巴嫩
        Lesotho|Lesotho|Lesotho|Лесото|ليسوتو|莱索托
        Liberia|Libéria|Liberia|Либерия|ليبريا|利比里亚
        Libya|Libye|Libia|Ливия|ليبيا|利比亚
        Liechtenstein|Liechtenstein|Liechtenstein|Лихтенштейн|ليختنشتاين|列支敦士登
        Lithuania|Lituanie|Lituania|Литва|ليتوانيا|立陶宛
        Luxembourg|Luxembourg|Luxemburgo|Люксембург|لكسمبرغ|卢森堡
        Madagascar|Madagascar|Madagascar|Мадагаскар|مدغشقر|马达加斯加
        Malawi|Malawi|Malawi|Малави|ملاوي|马拉维
        Malaysia|Malaisie|Malasia|Малайзия|ماليزيا|马来西亚
        Maldives|Maldives|Maldivas|Мальдивские Острова|ملديف|马尔代夫
        Mali|Mali|Malí|Мали|مالي|马里
        Malta|Malte|Malta|Мальта|مالطة|马耳他
        Marshall Islands|Îles Marshall|Islas Marshall|Маршалловы Острова|جزر مارشال|马绍尔群岛
        Mauritania|Mauritanie|Mauritania|Мавритания|موريتانيا|毛里塔尼亚
        Mauritius|Maurice|Mauricio|Маврикий|موريشيوس|毛里求斯
        Mexico|Mexique|México|Мексика|المكسيك|墨西哥
        Micronesia (Federated States of)|États fédérés de Micronésie|Estados Federados de Micronesia|Федеративные Штаты Микронезии|ولايات ميكرونيزيا الموحدة|密克罗尼西亚联邦
        Monaco|Monaco|Mónaco|Монако|موناكو|摩纳哥
        Mongolia|Mongolie|Mongolia|Монголия|منغوليا|蒙古
        Montenegro|Monténégro|Montenegro|Черногория|الجبل الأسود|黑山
        Morocco|Maroc|Marruecos|Марокко|المغرب|摩洛哥
        Mozambique|Mozambique|Mozambique|Мозамбик|موزامبيق|莫桑比克
        Myanmar|Myanmar|Myanmar|Мьянма|ميانمار|缅甸
        Namibia|Namibie|Namibia|Намибия|ناميبيا|纳米比亚
        Nauru|Nauru|Nauru|Науру|ناورو|瑙鲁
        Nepal|Népal|Nepal|Непал|نيبال|尼泊尔
        Netherlands|Pays-Bas|Países Bajos|Нидерланды|هولندا|荷兰
        New Zealand|Nouvelle-Zélande|Nueva Zelandia|Новая Зеландия|نيوزيلندا|新西兰
        Nicaragua|Nicaragua|Nicaragua|Никарагуа|نيكاراغوا|尼加拉瓜
        Niger|Niger|Níger|Нигер|النيجر|尼日尔
        Nigeria|Nigéria|Nigeria|Нигерия|نيجيريا|尼日利亚
        North Macedonia|Macédoine du Nord|Macedonia del Norte|Северная Македония|مقدونيا الشمالية|北马其顿
        Norway|Norvège|Noruega|Норвегия|النرويج|挪威
        Oman|Oman|Omán|Оман|عمان|阿曼
        Pakistan|Pakistan|Pakistán|Пакистан|باكستان|巴基斯坦
        Palau|Palaos|Palau|Палау|بالاو|帕劳
        Panama|Panama|Panamá|Панама|بنما|巴拿马
        Papua New Guinea|Papouasie-Nouvelle-Guinée|Papua Nueva Guinea|Папуа — Новая Гвинея|بابوا غينيا الجديدة|巴布亚新几内亚
        Paraguay|Paraguay|Paraguay|Парагвай|باراغواي|巴拉圭
        Peru|Pérou|Perú|Перу|بيرو|秘鲁
        Philippines|Philippines|Filipinas|Филиппины|الفلبين|菲律宾
        Poland|Pologne|Polonia|Польша|بولندا|波兰
        Portugal|Portugal|Portugal|Португалия|البرتغال|葡萄牙
        Qatar|Qatar|Qatar|Катар|قطر|卡塔尔
        Republic of Korea|République de Corée|República de Corea|Республика Корея|جمهورية كوريا|大韩民国
        Republic of Moldova|République de Moldova|República de Moldova|Республика Молдова|جمهورية مولدوفا|摩尔多瓦共和国
        Romania|Roumanie|Rumania|Румыния|رومانيا|罗马尼亚
        Russian Federation|Fédération de Russie|Federación de Rusia|Российская Федерация|الاتحاد الروسي|俄罗斯联邦
        Rwanda|Rwanda|Rwanda|Руанда|رواندا|卢旺达
        Saint Kitts and Nevis|Saint-Kitts-et-Nevis|Saint Kitts y Nevis|Сент-Китс и Невис|سانت كيتس ونيفس|圣基茨和尼维斯
        Saint Lucia|Sainte-Lucie|Santa Lucía|Сент-Люсия|سانت لوسيا|圣卢西亚
        Saint Vincent and the Grenadines|Saint-Vincent-et-les Grenadines|San Vicente y las Granadinas|Сент-Винсент и Гренадины|سانت فنسنت وجزر غرينادين|圣文森特和格林纳丁斯
        Samoa|Samoa|Samoa|Самоа|ساموا|萨摩亚
        San Marino|Saint-Marin|San Marino|Сан-Марино|سان مارينو|圣马力诺
        Sao Tome and Principe|Sao Tomé-et-Principe|Santo Tomé y Príncipe|Сан-Томе и Принсипи|سان تومي وبرينسيبي|圣多美和普林西比
        Saudi Arabia|Arabie saoudite|Arabia Saudita|Саудовская Аравия|المملكة العربية السعودية|沙特阿拉伯
        Senegal|Sénégal|Senegal|Сенегал|السنغال|塞内加尔
        Serbia|Serbie|Serbia|Сербия|صربيا|塞尔维亚
        Seychelles|Seychelles|Seychelles|Сейшельские Острова|سيشيل|塞舌尔
        Sierra Leone|Sierra Leone|Sierra Leona|Сьерра-Леоне|سيراليون|塞拉利昂
        Singapore|Singapour|Singapur|Сингапур|سنغافورة|新加坡
        Slovakia|Slovaquie|Eslovaquia|Словакия|سلوفاكيا|斯洛伐克
        Slovenia|Slovénie|Eslovenia|Словения|سلوفينيا|斯洛文尼亚
        Solomon Islands|Îles Salomon|Islas Salomón|Соломоновы Острова|جزر سليمان|所罗门群岛
        Somalia|Somalie|Somalia|Сомали|الصومال|索马里
        South Africa|Afrique du Sud|Sudáfrica|Южная Африка|جنوب أفريقيا|南非
        South Sudan|Soudan du Sud|Sudán del Sur|Южный Судан|جنوب السودان|南苏丹
        Spain|Espagne|España|Испания|إسبانيا|西班牙
        Sri Lanka|Sri Lanka|Sri Lanka|Шри-Ланка|سري لانكا|斯里兰卡
        State of Palestine|État de Palestine|Estado de Palestina|Государство Палестина|دولة فلسطين|巴勒斯坦国
        Sudan|Soudan|Sudán|Судан|السودان|苏丹
        Suriname|Suriname|Suriname|Суринам|سورينام|苏里南
        Sweden|Suède|Suecia|Швеция|السويد|瑞典
        Switzerland|Suisse|Suiza|Швейцария|سويسرا|瑞士
        Syrian Arab Republic|République arabe syrienne|República Árabe Siria|Сирийская Арабская Республика|الجمهورية العربية السورية|阿拉伯叙利亚共和国
        Tajikistan|Tadjikistan|Tayikistán|Таджикистан|طاجيكستان|塔吉克斯坦
        Thailand|Thaïlande|Tailandia|Таиланд|تايلند|泰国
        Timor-Leste|Timor-Leste|Timor-Leste|Тимор-Лешти|تيمور - ليشتي|东帝汶
        Togo|Togo|Togo|Того|توغو|多哥
        Tonga|Tonga|Tonga|Тонга|تونغا|汤加
        Trinidad and Tobago|Trinité-et-Tobago|Trinidad y Tabago|Тринидад и Тобаго|ترينيداد وتوباغو|特立尼达和多巴哥
        Tunisia|Tunisie|Túnez|Тунис|تونس|突尼斯
        Türkiye|Türkiye|Türkiye|Турция|تركيا|土耳其
        Turkmenistan|Turkménistan|Turkmenistán|Туркменистан|تركمانستان|土库曼斯坦
        Tuvalu|Tuvalu|Tuvalu|Тувалу|توفالو|图瓦卢
        Uganda|Ouganda|Uganda|Уганда|أوغندا|乌干达
        Ukraine|Ukraine|Ucrania|Украина|أوكرانيا|乌克兰
        United Arab Emirates|Émirats arabes unis|Emiratos Árabes Unidos|Объединенные Арабские Эмираты|الإمارات العربية المتحدة|阿拉伯联合酋长国
        United Kingdom of Great Britain and Northern Ireland|Royaume-Uni de Grande-Bretagne et d'Irlande du Nord|Reino Unido de Gran Bretaña e Irlanda del Norte|Соединенное Королевство Великобритании и Северной Ирландии|المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية|大不列颠及北爱尔兰联合王国
        United Republic of Tanzania|République-Unie de Tanzanie|República Unida de Tanzanía|Объединенная Республика Танзания|جمهورية تنزانيا المتحدة|坦桑尼亚联合共和国
        United States of America|États-Unis d'Amérique|Estados Unidos de América|Соединенные Штаты Америки|الولايات المتحدة الأمريكية|美利坚合众国
        Uruguay|Uruguay|Uruguay|Уругвай|أوروغواي|乌拉圭
        Uzbekistan|Ouzbékistan|Uzbekistán|Узбекистан|أوزبكستان|乌兹别克斯坦
        Vanuatu|Vanuatu|Vanuatu|Вануату|فانواتو|瓦努阿图
        Venezuela (Bolivarian Republic of)|République bolivarienne du Venezuela|República Bolivariana de Venezuela|Боливарианская Республика Венесуэла|جمهورية فنزويلا البوليفارية|委内瑞拉玻利瓦尔共和国
        Viet Nam|Viet Nam|Viet Nam|Вьетнам|فييت نام|越南
        Yemen|Yémen|Yemen|Йемен|اليمن|也门
        Zambia|Zambie|Zambia|Замбия|زامبيا|赞比亚
        Zimbabwe|Zimbabwe|Zimbabwe|Зимбабве|زمبابوي|津巴布韦
        """;

    private static readonly string[] Columns = ["en", "fr", "es", "ru", "ar", "zh"];

    /// <summary>The States' names, one row each: English, French, Spanish, Russian, Arabic, Chinese.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> All { get; } =
        [.. Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(row => row.Split('|'))];

    private static readonly Dictionary<string, IReadOnlyList<string>> ByEnglish = All.ToDictionary(row => row[0], StringComparer.Ordinal);

    /// <summary>The language <see cref="InLanguage"/> names <paramref name="english"/> in: <paramref name="language"/> for a State of the table, else English (the name as given).</summary>
    public static string LanguageOfName(string english, string language) =>
        ByEnglish.ContainsKey(english) && Array.IndexOf(Columns, language) >= 0 ? language : "en";

    /// <summary>The State's name in one of the six languages; anything else (an office, an unknown name, another language) as given.</summary>
    public static string InLanguage(string english, string language) =>
        ByEnglish.TryGetValue(english, out var names) && Array.IndexOf(Columns, language) is var column and >= 0 ? names[column] : english;
}
