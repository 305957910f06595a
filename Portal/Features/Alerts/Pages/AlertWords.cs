using Portal.Data.Entities;
using Portal.Domain;
using Portal.Localization;

namespace Portal.Features.Alerts.Pages;

/// <summary>How often and in which languages, in the interface language, for the alert pages (the e-mails use AlertComposer's words).</summary>
public static class AlertWords
{
    public static string Frequency(AlertFrequency frequency) => InterfaceText.Get(frequency switch
    {
        AlertFrequency.Daily => "AlertFrequencyDaily",
        AlertFrequency.Weekly => "AlertFrequencyWeekly",
        _ => "AlertFrequencyEach",
    });

    public static string Languages(string languages)
    {
        var codes = AlertLanguages.Parse(languages);
        return codes.Count == 0 ? InterfaceText.Get("AlertAllLanguages") : string.Join(", ", codes.Select(c => InterfaceLanguage.NameOf(UnLanguage.FromCode(c))));
    }
}
