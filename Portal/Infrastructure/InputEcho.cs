using Portal.Domain;

namespace Portal.Infrastructure;

/// <summary>
/// What a visitor typed, shown back in a message ("“…” is not a UN document symbol"): without control
/// characters and others that are not text (<see cref="TextCharacters"/>), and cut to a readable length, so a long or odd request cannot flood a page or a log line.
/// Encoding is still the renderer's job (Razor, JSON).
/// </summary>
public static class InputEcho
{
    public static string Shorten(string text, int max = 60)
    {
        var visible = string.Concat(text.Where((c, i) => !char.IsControl(c) && !TextCharacters.IsNonText(text, i)));
        return visible.Length <= max ? visible : visible[..max] + "…";
    }
}
