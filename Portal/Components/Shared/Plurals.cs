using System.Globalization;

namespace Portal.Components.Shared;

/// <summary>Counts with their noun in the right number: "1 document", "2 documents", "1,204 documents".</summary>
public static class Plurals
{
    public static string Count(int count, string singular, string? plural = null) =>
        $"{count.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} {(count == 1 ? singular : plural ?? singular + "s")}";

    public static string Documents(int count) => Count(count, "document");
}
