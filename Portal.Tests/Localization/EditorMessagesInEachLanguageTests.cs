using System.Globalization;
using Portal.Features.Editing;
using Portal.Storage;

namespace Portal.Tests.Localization;

/// <summary>
/// The reasons an upload is refused and the names of the audit log's actions come from the resource files, in the
/// interface language of the editor or administrator reading them, not in English whatever the language.
/// </summary>
public class EditorMessagesInEachLanguageTests
{
    public static TheoryData<string> OtherLanguages => ["ar", "zh", "fr", "ru", "es"];

    private static readonly string[] Actions = ["register", "save", "publish", "unpublish", "withdraw", "derestrict", "correct", "revise", "upload"];

    private static T In<T>(string language, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Each kind of refusal the inspector gives, from a name or from content.</summary>
    private static string[] Refusals() =>
    [
        UploadedFileInspector.CheckName("")!,
        UploadedFileInspector.CheckName(new string('a', 300) + ".pdf")!,
        UploadedFileInspector.CheckName("../../etc/letter.pdf")!,
        UploadedFileInspector.Inspect(new MemoryStream([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0])).Problem!,
        UploadedFileInspector.Inspect(new MemoryStream("%PDF-1.7\nthis is not a PDF body at all"u8.ToArray())).Problem!,
        UploadedFileInspector.Inspect(new MemoryStream(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "encrypted-user-password.pdf")))).Problem!,
    ];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void UploadRefusalsAreInTheInterfaceLanguage(string language)
    {
        var english = In("en", Refusals);
        var translated = In(language, Refusals);

        Assert.All(english, Assert.NotNull);
        Assert.All(translated.Zip(english), pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.First));
            Assert.NotEqual(pair.Second, pair.First);
        });
        // The file name still stands in the sentence.
        Assert.Contains("../../etc/letter.pdf", translated[2]);
    }

    [Fact]
    public void UploadRefusalsReadInFrench()
    {
        Assert.Equal("Le fichier n’est ni un PDF ni un document Word (.docx) : son contenu le montre, quel que soit son nom.", In("fr", Refusals)[3]);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void AuditActionsAreNamedInTheInterfaceLanguage(string language)
    {
        var english = In("en", () => Actions.Select(AuditLog.ActionName).ToList());
        var translated = In(language, () => Actions.Select(AuditLog.ActionName).ToList());

        Assert.Equal(Actions.Length, english.Distinct().Count());
        Assert.Equal(Actions.Length, translated.Distinct().Count());
        Assert.All(translated.Zip(english, Actions), t =>
        {
            Assert.NotEqual(t.Third, t.First);
            Assert.NotEqual(t.Second, t.First);
        });
    }

    [Fact]
    public void AnUnknownAuditActionIsShownAsItsCode()
    {
        Assert.Equal("Published", In("en", () => AuditLog.ActionName("publish")));
        Assert.Equal("撤回", In("zh", () => AuditLog.ActionName("withdraw")));
        Assert.Equal("merge", In("fr", () => AuditLog.ActionName("merge")));
    }
}
