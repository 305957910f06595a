using Portal.Catalogue;

namespace Portal.Tests.Catalogue;

public sealed class TitlePreferenceTests
{
    private static readonly VersionTitle Russian = new("ru", "Русское название");
    private static readonly VersionTitle French = new("fr", "Titre français");
    private static readonly VersionTitle English = new("en", "English title");

    [Fact]
    public void AnItemIsNamedInTheLanguageAskedForElseInEnglish()
    {
        Assert.Equal(French, TitlePreference.PickItem([Russian, English, French], "fr"));
        Assert.Equal(English, TitlePreference.PickItem([Russian, French, English], "zh"));
    }

    [Fact]
    public void WithoutEitherTheTitleIsTheFirstInUnOrderWhateverTheOrderLoaded()
    {
        Assert.Equal(French, TitlePreference.PickItem([Russian, French], "zh"));
        Assert.Equal(French, TitlePreference.PickItem([French, Russian], "zh"));
        Assert.Null(TitlePreference.PickItem([], "zh"));
    }
}
