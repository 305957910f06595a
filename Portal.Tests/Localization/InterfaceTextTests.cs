using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Portal.Domain;
using Portal.Localization;
using Portal.Tests.Support;

namespace Portal.Tests.Localization;

/// <summary>
/// The interface's resource files: every key the English file has is in the other five, with no
/// placeholder the English text lacks (a plural form may spell its number out: "وثيقتان"), every
/// counted noun has all six plural categories, and every key the code asks for exists.
/// </summary>
public partial class InterfaceTextTests
{
    private static readonly ResourceManager Resources = new(typeof(InterfaceText));

    internal static IReadOnlyDictionary<string, string> Strings(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    internal static IReadOnlyDictionary<string, string> English => Strings(CultureInfo.InvariantCulture);

    public static TheoryData<string> OtherLanguages => new(UnLanguage.All.Where(l => l != UnLanguage.English).Select(l => l.Code));

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void EveryKeyIsTranslatedWithTheSamePlaceholders(string language)
    {
        var translated = Strings(CultureInfo.GetCultureInfo(language));

        Assert.Empty(English.Keys.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(English.Keys).Order());
        Assert.All(translated, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{language} {entry.Key} is empty");
            Assert.Empty(Placeholders(entry.Value).Except(Placeholders(English[entry.Key])));
            if (!entry.Key.Contains('.'))
            {
                Assert.Equal(Placeholders(English[entry.Key]), Placeholders(entry.Value));
            }
        });
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void TheLocalizerFindsEachLanguagesOwnWords(string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var localizer = new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Create(typeof(InterfaceText));

            var text = localizer["InterfaceLanguage"];

            Assert.False(text.ResourceNotFound);
            Assert.Equal(Strings(CultureInfo.GetCultureInfo(language))["InterfaceLanguage"], text.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void EveryCountedNounHasEveryPluralCategory()
    {
        var nouns = English.Keys.Where(k => k.Contains('.')).Select(k => k[..k.IndexOf('.')]).Distinct().ToList();

        Assert.Contains("Documents", nouns);
        Assert.All(nouns, noun => Assert.All(Portal.Components.Shared.Plurals.Categories, category => Assert.True(English.ContainsKey($"{noun}.{category}"), $"{noun}.{category}")));
    }

    [Fact]
    public void EveryKeyTheComponentsAskForExists()
    {
        var portal = Path.Combine(RepositoryPaths.Root(), "Portal");
        var used = Directory.EnumerateFiles(portal, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f =>
            {
                var source = File.ReadAllText(f);
                return KeyUse().Matches(source).Select(m => m.Groups[1].Value)
                    .Concat(PluralUse().Matches(source).Select(m => m.Groups[1].Value + ".other"))
                    .Select(key => (File: Path.GetRelativePath(portal, f), Key: key));
            })
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !English.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    [Fact]
    public void ArabicNamesAVersionByItsLanguageGrammatically()
    {
        // The language names are definite adjectives ("العربية"): "النسخة العربية" and "نسخة باللغة العربية" are
        // Arabic, "نسخة العربية" (an indefinite noun before them) is not.
        var arabic = Strings(CultureInfo.GetCultureInfo("ar"));

        Assert.Empty(arabic.Where(e => IndefiniteVersionOfLanguage().IsMatch(e.Value)).Select(e => $"{e.Key}: {e.Value}"));
        Assert.Equal("لا توجد نسخة باللغة الصينية", string.Format(CultureInfo.InvariantCulture, arabic["NoVersionIn"], arabic["Language_zh"]));
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>"نسخة" as a word of its own (not "النسخة", "للنسخة") right before a placeholder.</summary>
    [GeneratedRegex(@"(?<![\u0600-\u06FF])نسخة \{\d+\}")]
    private static partial Regex IndefiniteVersionOfLanguage();

    /// <summary><c>Text["Key"]</c> (components), <c>InterfaceText.Get("Key")</c> and <c>InterfaceText.Format("Key", …)</c> (other code).</summary>
    [GeneratedRegex("""(?:\bText\[|\bInterfaceText\.(?:Get|Format)\()\s*"([A-Za-z0-9_.]+)"\s*[\],)]""")]
    private static partial Regex KeyUse();

    /// <summary><c>Plurals.Count("Noun", n)</c>, which reads <c>Noun.one</c>, <c>Noun.other</c> and the other categories.</summary>
    [GeneratedRegex("""\bPlurals\.Count\(\s*"([A-Za-z0-9_]+)"\s*,""")]
    private static partial Regex PluralUse();
}
