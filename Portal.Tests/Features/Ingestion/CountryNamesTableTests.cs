using Portal.Features.Ingestion;

namespace Portal.Tests.Features.Ingestion;

/// <summary>
/// The table of States: all 193 Member States and the two observer States, each named in the six languages, and
/// every one of those names (and Russian genitives in title lines) found again under the English name, the longest
/// name winning where one State's name holds another's ("Guinea" in "Equatorial Guinea", "Нигер" in "Нигерия").
/// </summary>
public class CountryNamesTableTests
{
    [Fact]
    public void TheTableHoldsEveryMemberStateAndBothObserverStatesInSixLanguages()
    {
        Assert.Equal(195, CountryNames.All.Count);
        Assert.All(CountryNames.All, row =>
        {
            Assert.Equal(6, row.Count);
            Assert.All(row, name => Assert.False(string.IsNullOrWhiteSpace(name), string.Join("|", row)));
        });
        for (var column = 0; column < 6; column++)
        {
            var names = CountryNames.All.Select(row => row[column]).ToList();
            Assert.True(names.Distinct().Count() == names.Count, $"column {column} repeats {string.Join(", ", names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key))}");
        }
        var english = CountryNames.All.Select(row => row[0]).ToHashSet();
        Assert.Contains("Holy See", english);
        Assert.Contains("State of Palestine", english);
        Assert.Contains("Iran (Islamic Republic of)", english);
        Assert.Contains("Türkiye", english);
        Assert.Contains("Republic of Korea", english);
    }

    [Fact]
    public void EveryNameInEveryLanguageIsFoundAsItsState()
    {
        var wrong = CountryNames.All
            .SelectMany(row => row.Select(name => (Name: name, Expected: row[0], Found: CountryNames.Find(name))))
            .Where(x => x.Found != x.Expected)
            .Select(x => $"{x.Name} → {x.Found ?? "nothing"} (not {x.Expected})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    // A State in the title lines of the six languages, as letters name their senders.
    [InlineData("Letter dated 2 May 2024 from the Permanent Representative of the Niger to the United Nations", "Niger")]
    [InlineData("Letter dated 2 May 2024 from the Permanent Representative of Nigeria to the United Nations", "Nigeria")]
    [InlineData("the Permanent Representative of Guinea", "Guinea")]
    [InlineData("the Permanent Representative of Equatorial Guinea", "Equatorial Guinea")]
    [InlineData("the Permanent Representative of Guinea-Bissau", "Guinea-Bissau")]
    [InlineData("the Permanent Representative of Papua New Guinea", "Papua New Guinea")]
    [InlineData("the Permanent Representative of Dominica", "Dominica")]
    [InlineData("the Permanent Representative of the Dominican Republic", "Dominican Republic")]
    [InlineData("the Permanent Representative of the Sudan", "Sudan")]
    [InlineData("the Permanent Representative of South Sudan", "South Sudan")]
    [InlineData("the Permanent Representative of the Congo", "Congo")]
    [InlineData("the Permanent Representative of the Democratic Republic of the Congo", "Democratic Republic of the Congo")]
    [InlineData("the Permanent Representative of Ireland", "Ireland")]
    [InlineData("the United Kingdom of Great Britain and Northern Ireland", "United Kingdom of Great Britain and Northern Ireland")]
    [InlineData("the Permanent Observer of the Holy See", "Holy See")]
    [InlineData("the Permanent Representative of Micronesia", "Micronesia (Federated States of)")]
    [InlineData("Lettre datée du 2 mai 2024, adressée au Secrétaire général par le Représentant permanent du Niger", "Niger")]
    [InlineData("par le Représentant permanent du Nigéria", "Nigeria")]
    [InlineData("par le Représentant permanent de la Guinée équatoriale", "Equatorial Guinea")]
    [InlineData("par le Représentant permanent de la Guinée", "Guinea")]
    [InlineData("par le Représentant permanent de la Papouasie-Nouvelle-Guinée", "Papua New Guinea")]
    [InlineData("par le Représentant permanent de la République dominicaine", "Dominican Republic")]
    [InlineData("par le Représentant permanent de la Dominique", "Dominica")]
    [InlineData("par le Représentant permanent du Soudan du Sud", "South Sudan")]
    [InlineData("par le Représentant permanent de la République démocratique du Congo", "Democratic Republic of the Congo")]
    [InlineData("Carta de fecha 2 de mayo de 2024 dirigida al Secretario General por el Representante Permanente del Níger", "Niger")]
    [InlineData("por el Representante Permanente de Guinea-Bissau", "Guinea-Bissau")]
    [InlineData("por el Representante Permanente de la República Dominicana", "Dominican Republic")]
    [InlineData("por el Representante Permanente de Sudán del Sur", "South Sudan")]
    [InlineData("Письмо Постоянного представителя Армении от 2 мая 2024 года", "Armenia")]
    [InlineData("Постоянного представителя Нигера", "Niger")]
    [InlineData("Постоянного представителя Нигерии", "Nigeria")]
    [InlineData("Постоянного представителя Гвинеи", "Guinea")]
    [InlineData("Постоянного представителя Экваториальной Гвинеи", "Equatorial Guinea")]
    [InlineData("Постоянного представителя Гвинеи-Бисау", "Guinea-Bissau")]
    [InlineData("Постоянного представителя Папуа — Новой Гвинеи", "Papua New Guinea")]
    [InlineData("Постоянного представителя Доминики", "Dominica")]
    [InlineData("Постоянного представителя Доминиканской Республики", "Dominican Republic")]
    [InlineData("Постоянного представителя Судана", "Sudan")]
    [InlineData("Постоянного представителя Южного Судана", "South Sudan")]
    [InlineData("Постоянного представителя Конго", "Congo")]
    [InlineData("Постоянного представителя Демократической Республики Конго", "Democratic Republic of the Congo")]
    [InlineData("Постоянного представителя Египта", "Egypt")]
    [InlineData("Постоянного представителя Китая", "China")]
    [InlineData("Постоянного представителя Маврикия", "Mauritius")]
    [InlineData("Постоянного представителя Маршалловых Островов", "Marshall Islands")]
    [InlineData("Постоянного наблюдателя Святейшего Престола", "Holy See")]
    [InlineData("Постоянного наблюдателя Государства Палестина", "State of Palestine")]
    [InlineData("Постоянного представителя Соединенного Королевства Великобритании и Северной Ирландии", "United Kingdom of Great Britain and Northern Ireland")]
    [InlineData("Постоянного представителя Ирландии", "Ireland")]
    [InlineData("Постоянного представителя Австрии", "Austria")]
    [InlineData("Постоянного представителя Австралии", "Australia")]
    [InlineData("رسالة مؤرخة 2 أيار/مايو 2024 موجهة إلى الأمين العام من الممثل الدائم للنيجر", "Niger")]
    [InlineData("من الممثل الدائم لنيجيريا", "Nigeria")]
    [InlineData("من الممثل الدائم لغينيا الاستوائية", "Equatorial Guinea")]
    [InlineData("من الممثل الدائم لجنوب السودان", "South Sudan")]
    [InlineData("من الممثل الدائم للسودان", "Sudan")]
    [InlineData("من الممثل الدائم لجمهورية الكونغو الديمقراطية", "Democratic Republic of the Congo")]
    [InlineData("尼日尔常驻联合国代表给秘书长的信", "Niger")]
    [InlineData("尼日利亚常驻联合国代表给秘书长的信", "Nigeria")]
    [InlineData("几内亚比绍常驻联合国代表", "Guinea-Bissau")]
    [InlineData("巴布亚新几内亚常驻联合国代表", "Papua New Guinea")]
    [InlineData("多米尼加共和国常驻联合国代表", "Dominican Republic")]
    [InlineData("南苏丹常驻联合国代表", "South Sudan")]
    [InlineData("刚果民主共和国常驻联合国代表", "Democratic Republic of the Congo")]
    [InlineData("索马里常驻联合国代表", "Somalia")]
    public void AStateInATitleLineIsFoundUnderItsEnglishName(string phrase, string state) =>
        Assert.Equal(state, CountryNames.Find(phrase));
}
