using System.Text;

namespace Portal.Domain;

/// <summary>
/// Characters that are not text: control characters other than tab, line feed and carriage return, the noncharacters
/// U+FDD0–U+FDEF, U+FFFE and U+FFFF, and halves of surrogate pairs standing alone. Unicode normalisation and XML writers
/// throw on some of them, so what a visitor sends is cleaned of them before either sees it.
/// </summary>
public static class TextCharacters
{
    public static bool HasNonText(string text) => IndexOfNonText(text) >= 0;

    /// <summary>Where the first character that is not text stands, or -1.</summary>
    public static int IndexOfNonText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsNonText(text, i))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The character at <paramref name="index"/> as a reader can look it up: "U+000B" and its line and column, from 1.</summary>
    public static (string CodePoint, int Line, int Column) Describe(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        return ($"U+{(int)text[index]:X4}", line, index - lineStart + 1);
    }

    /// <summary>The text with each character that is not text replaced by <paramref name="with"/>.</summary>
    public static string ReplaceNonText(string text, char with = '\uFFFD') => Rewrite(text, with);

    /// <summary>The text without the characters that are not text.</summary>
    public static string RemoveNonText(string text) => Rewrite(text, null);

    private static string Rewrite(string text, char? with)
    {
        if (!HasNonText(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsNonText(text, i))
            {
                builder.Append(text[i]);
            }
            else if (with is { } replacement)
            {
                builder.Append(replacement);
            }
        }
        return builder.ToString();
    }

    /// <summary>Whether the character at <paramref name="index"/> is not text (a surrogate is text only beside its other half).</summary>
    public static bool IsNonText(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }
        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        }
        return c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF' || char.IsControl(c) && c is not ('\t' or '\n' or '\r');
    }
}
