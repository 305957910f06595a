using Portal.Localization;

namespace Portal.Features.Editing;

/// <summary>The editor form's data-annotation messages in the interface language (see <see cref="ValidationText"/>).</summary>
public static class EditorValidationText
{
    public static string EnterSymbol => InterfaceText.Get("EditErrEnterSymbol");

    public static string ChooseLanguage => InterfaceText.Get("EditErrChooseLanguage");

    public static string EnterTitle => InterfaceText.Get("EditErrEnterTitle");
}
