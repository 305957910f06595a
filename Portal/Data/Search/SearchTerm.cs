namespace Portal.Data.Search;

public enum SearchTermKind
{
    /// <summary>
    /// Three characters or more, found as written anywhere in the text, inside words too; a term with
    /// spaces is a quoted phrase (<see cref="SearchTerm.IsPhrase"/>).
    /// </summary>
    Substring,

    /// <summary>One or two Chinese/Japanese/Korean characters: a whole word in Chinese (地雷), found inside longer runs too.</summary>
    ShortCjk,
}

/// <summary>One thing every hit must contain, already folded with <see cref="SearchText.Fold"/>.</summary>
public sealed record SearchTerm(string Text, SearchTermKind Kind)
{
    public bool IsPhrase => Text.Contains(' ');
}

/// <summary>The indexed text of a language version, as snippets are cut from.</summary>
public sealed record IndexedText(int VersionId, string Language, string Title, string Body, string Extra);
