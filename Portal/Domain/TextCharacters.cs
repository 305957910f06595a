using System.Text;

namespace Portal.Domain;

/// <summary>
/// Characters that are not text: control characters other than tab, line feed and carriage return, the noncharacters
/// U+FDD0–U+FDEF, U+FFFE and U+FFFF, and halves of surrogate pairs standing alone. Unicode normalisation and XML writers
/// throw on some of them, so what a visitor sends is cleaned of them before either sees it.
/// </summary>
public static class TextCharacters
{
    public static bool HasNonText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsNonText(text, i))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The text with each character that is not text replaced by <paramref name="with"/>.</summary>
    public static string ReplaceNonText(string text, char with = '\uFFFD')
    {
        if (!HasNonText(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            builder.Append(IsNonText(text, i) ? with : text[i]);
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
