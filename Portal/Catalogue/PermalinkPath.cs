using Portal.Domain;

namespace Portal.Catalogue;

/// <summary>
/// Reads a permalink path the way undocs.org does: <c>A/75/778</c>, <c>zh/A/75/778</c>,
/// <c>ch/A/75/778</c> (the older Chinese code), any case, spaces and dash variants, joint symbols.
/// </summary>
public sealed record PermalinkPath(string? Language, IReadOnlyList<UnSymbol> Symbols)
{
    public static PermalinkPath? Parse(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > UnSymbol.MaxLength * 4)
        {
            return null;
        }
        var text = Uri.UnescapeDataString(path).Trim('/', ' ');
        var slash = text.IndexOf('/');
        if (slash > 0 && UnLanguage.TryParse(text[..slash], out var language))
        {
            var rest = UnSymbol.ParseJoint(text[(slash + 1)..]);
            if (rest.Count > 0)
            {
                return new PermalinkPath(language.Code, rest);
            }
        }
        var symbols = UnSymbol.ParseJoint(text);
        return symbols.Count == 0 ? null : new PermalinkPath(null, symbols);
    }
}
