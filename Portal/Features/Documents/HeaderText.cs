using System.Globalization;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Documents;

/// <summary>
/// The words of a UN document's header as the UN prints them in each language version: one table per
/// language. Organ names, the session/year line and the agenda line are in the version's language
/// (the seed's Chinese text: "大会 安全理事会", "第七十五届会议 第七十六年", "议程项目 34、71、72 和 135").
/// The Distr./date/Original block follows UN practice: French and Spanish versions translate it
/// ("Distr. générale", "Original : anglais"); Arabic, Chinese and Russian versions print it in English
/// ("Distr.: General", "Chinese", "Original: English"), which <see cref="BlockLanguage"/> records.
/// </summary>
public sealed record HeaderText
{
    public required string Language { get; init; }

    public required string UnitedNations { get; init; }

    public required IReadOnlyDictionary<Organ, string> Organs { get; init; }

    /// <summary>The language the Distr./date/Original block is printed in.</summary>
    public required string BlockLanguage { get; init; }

    public required IReadOnlyDictionary<Distribution, string> Distributions { get; init; }

    /// <summary>A format string: "Original: {0}".</summary>
    public required string Original { get; init; }

    /// <summary>Language names as the block prints them ("Original: English", "Original : anglais").</summary>
    public required IReadOnlyDictionary<string, string> LanguageNames { get; init; }

    public required string NotStated { get; init; }

    public required string DateCulture { get; init; }

    public required string DatePattern { get; init; }

    /// <summary>Format strings: "Agenda item {0}", "Agenda items {0}".</summary>
    public required string AgendaItem { get; init; }

    public required string AgendaItems { get; init; }

    /// <summary>How numbers join: "34, 71, 72 and 135", "34、71、72 和 135".</summary>
    public required string ListSeparator { get; init; }

    public required string ListLast { get; init; }

    public required Func<int, string> GeneralAssemblySession { get; init; }

    /// <summary>The Security Council's year line, from the calendar year ("Seventy-sixth year" for 2021).</summary>
    public required Func<int, string> SecurityCouncilYear { get; init; }

    public required Func<int, string> EconomicAndSocialCouncilSession { get; init; }

    public UnLanguage LanguageInfo => UnLanguage.FromCode(Language);

    public UnLanguage BlockLanguageInfo => UnLanguage.FromCode(BlockLanguage);

    /// <summary>The mark before a signatory's name: "(Signed)", "(Signé)", "(签名)".</summary>
    public required string SignedMark { get; init; }

    /// <summary>
    /// Names of the document's parts for screen readers (aria-label), in the version's language like the text
    /// they sit in, so a Chinese version's footnotes are announced in Chinese whatever the interface language.
    /// </summary>
    public required string HeaderLabel { get; init; }

    public required string SignaturesLabel { get; init; }

    public required string FootnotesLabel { get; init; }

    public required string BackToTextLabel { get; init; }

    /// <summary>A footnote call's name, the number in <c>{0}</c>: "Footnote {0}", "脚注{0}".</summary>
    public required string FootnoteCallLabel { get; init; }

    /// <summary>The version's own language line above "Original" ("Chinese", "Français"); none in English versions.</summary>
    public string? VersionLine { get; init; }

    public string OriginalLine(string? originalLanguage) =>
        string.Format(CultureInfo.InvariantCulture, Original,
            originalLanguage is not null && LanguageNames.TryGetValue(originalLanguage, out var name) ? name : NotStated);

    public string Date(DateOnly date) => date.ToString(DatePattern, CultureInfo.GetCultureInfo(DateCulture));

    public string SessionLine(Organ organ, int number) => organ switch
    {
        Organ.GeneralAssembly => GeneralAssemblySession(number),
        Organ.SecurityCouncil => SecurityCouncilYear(number - 1945),
        _ => EconomicAndSocialCouncilSession(number),
    };

    public string AgendaLine(IReadOnlyList<int> numbers) => AgendaLine(numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList());

    /// <summary>"Agenda items 34, 71 (a) and 135": the items as labelled, sub-items included.</summary>
    public string AgendaLine(IReadOnlyList<string> items)
    {
        var list = items.Count <= 1
            ? string.Concat(items)
            : string.Join(ListSeparator, items.Take(items.Count - 1)) + ListLast + items[^1];
        return string.Format(CultureInfo.InvariantCulture, items.Count == 1 ? AgendaItem : AgendaItems, list);
    }

    public static HeaderText For(string? language) =>
        language is not null && UnLanguage.TryParse(language, out var parsed) ? Tables[parsed.Code] : Tables[UnLanguage.English.Code];

    private static readonly IReadOnlyDictionary<string, string> EnglishLanguageNames = new Dictionary<string, string>
    {
        ["ar"] = "Arabic",
        ["zh"] = "Chinese",
        ["en"] = "English",
        ["fr"] = "French",
        ["ru"] = "Russian",
        ["es"] = "Spanish",
    };

    private static readonly IReadOnlyDictionary<Distribution, string> EnglishDistributions = new Dictionary<Distribution, string>
    {
        [Distribution.General] = "Distr.: General",
        [Distribution.Limited] = "Distr.: Limited",
        [Distribution.Restricted] = "Distr.: Restricted",
    };

    private static HeaderText EnglishBlock(string language) => new()
    {
        Language = language,
        UnitedNations = "United Nations",
        Organs = new Dictionary<Organ, string>
        {
            [Organ.GeneralAssembly] = "General Assembly",
            [Organ.SecurityCouncil] = "Security Council",
            [Organ.EconomicAndSocialCouncil] = "Economic and Social Council",
        },
        BlockLanguage = UnLanguage.English.Code,
        Distributions = EnglishDistributions,
        Original = "Original: {0}",
        LanguageNames = EnglishLanguageNames,
        NotStated = "not stated",
        DateCulture = "en-GB",
        DatePattern = "d MMMM yyyy",
        AgendaItem = "Agenda item {0}",
        AgendaItems = "Agenda items {0}",
        SignedMark = "(Signed)",
        HeaderLabel = "Document header",
        SignaturesLabel = "Signatures",
        FootnotesLabel = "Footnotes",
        BackToTextLabel = "Back to the text",
        FootnoteCallLabel = "Footnote {0}",
        ListSeparator = ", ",
        ListLast = " and ",
        GeneralAssemblySession = n => $"{OrdinalWords.Capitalize(OrdinalWords.English(n))} session",
        SecurityCouncilYear = n => $"{OrdinalWords.Capitalize(OrdinalWords.English(n))} year",
        EconomicAndSocialCouncilSession = year => $"{year} session",
    };

    private static readonly IReadOnlyDictionary<string, HeaderText> Tables = new Dictionary<string, HeaderText>
    {
        [UnLanguage.English.Code] = EnglishBlock(UnLanguage.English.Code),
        ["zh"] = EnglishBlock("zh") with
        {
            VersionLine = "Chinese",
            SignedMark = "(签名)",
            HeaderLabel = "文件标头",
            SignaturesLabel = "签名",
            FootnotesLabel = "脚注",
            BackToTextLabel = "返回正文",
            FootnoteCallLabel = "脚注{0}",
            UnitedNations = "联合国",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "大会",
                [Organ.SecurityCouncil] = "安全理事会",
                [Organ.EconomicAndSocialCouncil] = "经济及社会理事会",
            },
            AgendaItem = "议程项目 {0}",
            AgendaItems = "议程项目 {0}",
            ListSeparator = "、",
            ListLast = " 和 ",
            GeneralAssemblySession = n => $"第{OrdinalWords.Chinese(n)}届会议",
            SecurityCouncilYear = n => $"第{OrdinalWords.Chinese(n)}年",
            EconomicAndSocialCouncilSession = year => $"{year}年届会",
        },
        ["ar"] = EnglishBlock("ar") with
        {
            VersionLine = "Arabic",
            SignedMark = "(توقيع)",
            HeaderLabel = "ترويسة الوثيقة",
            SignaturesLabel = "التوقيعات",
            FootnotesLabel = "الحواشي",
            BackToTextLabel = "العودة إلى النص",
            FootnoteCallLabel = "الحاشية {0}",
            UnitedNations = "الأمم المتحدة",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "الجمعية العامة",
                [Organ.SecurityCouncil] = "مجلس الأمن",
                [Organ.EconomicAndSocialCouncil] = "المجلس الاقتصادي والاجتماعي",
            },
            AgendaItem = "البند {0} من جدول الأعمال",
            AgendaItems = "البنود {0} من جدول الأعمال",
            ListSeparator = " و ",
            ListLast = " و ",
            GeneralAssemblySession = n => $"الدورة {OrdinalWords.ArabicFeminine(n)}",
            SecurityCouncilYear = n => $"السنة {OrdinalWords.ArabicFeminine(n)}",
            EconomicAndSocialCouncilSession = year => $"دورة عام {year}",
        },
        ["ru"] = EnglishBlock("ru") with
        {
            VersionLine = "Russian",
            SignedMark = "(Подпись)",
            HeaderLabel = "Шапка документа",
            SignaturesLabel = "Подписи",
            FootnotesLabel = "Сноски",
            BackToTextLabel = "Вернуться к тексту",
            FootnoteCallLabel = "Сноска {0}",
            UnitedNations = "Организация Объединенных Наций",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "Генеральная Ассамблея",
                [Organ.SecurityCouncil] = "Совет Безопасности",
                [Organ.EconomicAndSocialCouncil] = "Экономический и Социальный Совет",
            },
            AgendaItem = "Пункт {0} повестки дня",
            AgendaItems = "Пункты {0} повестки дня",
            ListLast = " и ",
            GeneralAssemblySession = n => $"{OrdinalWords.Capitalize(OrdinalWords.Russian(n, feminine: true))} сессия",
            SecurityCouncilYear = n => $"{OrdinalWords.Capitalize(OrdinalWords.Russian(n, feminine: false))} год",
            EconomicAndSocialCouncilSession = year => $"Сессия {year} года",
        },
        ["fr"] = EnglishBlock("fr") with
        {
            VersionLine = "Français",
            SignedMark = "(Signé)",
            HeaderLabel = "En-tête du document",
            SignaturesLabel = "Signatures",
            FootnotesLabel = "Notes",
            BackToTextLabel = "Retour au texte",
            FootnoteCallLabel = "Note {0}",
            UnitedNations = "Nations Unies",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "Assemblée générale",
                [Organ.SecurityCouncil] = "Conseil de sécurité",
                [Organ.EconomicAndSocialCouncil] = "Conseil économique et social",
            },
            BlockLanguage = "fr",
            Distributions = new Dictionary<Distribution, string>
            {
                [Distribution.General] = "Distr. générale",
                [Distribution.Limited] = "Distr. limitée",
                [Distribution.Restricted] = "Distr. restreinte",
            },
            Original = "Original\u202F: {0}",
            LanguageNames = new Dictionary<string, string>
            {
                ["ar"] = "arabe",
                ["zh"] = "chinois",
                ["en"] = "anglais",
                ["fr"] = "français",
                ["ru"] = "russe",
                ["es"] = "espagnol",
            },
            NotStated = "non précisé",
            DateCulture = "fr-FR",
            AgendaItem = "Point {0} de l’ordre du jour",
            AgendaItems = "Points {0} de l’ordre du jour",
            ListLast = " et ",
            GeneralAssemblySession = n => $"{OrdinalWords.Capitalize(OrdinalWords.French(n))} session",
            SecurityCouncilYear = n => $"{OrdinalWords.Capitalize(OrdinalWords.French(n))} année",
            EconomicAndSocialCouncilSession = year => $"Session de {year}",
        },
        ["es"] = EnglishBlock("es") with
        {
            VersionLine = "Español",
            SignedMark = "(Firmado)",
            HeaderLabel = "Encabezamiento del documento",
            SignaturesLabel = "Firmas",
            FootnotesLabel = "Notas",
            BackToTextLabel = "Volver al texto",
            FootnoteCallLabel = "Nota {0}",
            UnitedNations = "Naciones Unidas",
            Organs = new Dictionary<Organ, string>
            {
                [Organ.GeneralAssembly] = "Asamblea General",
                [Organ.SecurityCouncil] = "Consejo de Seguridad",
                [Organ.EconomicAndSocialCouncil] = "Consejo Económico y Social",
            },
            BlockLanguage = "es",
            Distributions = new Dictionary<Distribution, string>
            {
                [Distribution.General] = "Distr. general",
                [Distribution.Limited] = "Distr. limitada",
                [Distribution.Restricted] = "Distr. reservada",
            },
            LanguageNames = new Dictionary<string, string>
            {
                ["ar"] = "árabe",
                ["zh"] = "chino",
                ["en"] = "inglés",
                ["fr"] = "francés",
                ["ru"] = "ruso",
                ["es"] = "español",
            },
            NotStated = "no consta",
            DateCulture = "es-ES",
            DatePattern = "d 'de' MMMM 'de' yyyy",
            AgendaItem = "Tema {0} del programa",
            AgendaItems = "Temas {0} del programa",
            ListLast = " y ",
            GeneralAssemblySession = n => $"{OrdinalWords.Capitalize(OrdinalWords.Spanish(n))} período de sesiones",
            SecurityCouncilYear = n => $"{OrdinalWords.Capitalize(OrdinalWords.Spanish(n))} año",
            EconomicAndSocialCouncilSession = year => $"Período de sesiones de {year}",
        },
    };
}
