namespace Portal.Localization;

/// <summary>
/// Validation messages in the interface language, for data annotations:
/// <c>[Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.EnterEmail))]</c>.
/// Each reads the <c>Validation_</c> key of the same name from InterfaceText.
/// </summary>
public static class ValidationText
{
    public static string EnterEmail => Get(nameof(EnterEmail));

    public static string NotAnEmail => Get(nameof(NotAnEmail));

    public static string EnterPassword => Get(nameof(EnterPassword));

    public static string EnterCurrentPassword => Get(nameof(EnterCurrentPassword));

    public static string EnterNewPassword => Get(nameof(EnterNewPassword));

    public static string PasswordTooShort => Get(nameof(PasswordTooShort));

    public static string RepeatNewPassword => Get(nameof(RepeatNewPassword));

    public static string PasswordsDiffer => Get(nameof(PasswordsDiffer));

    public static string EnterAuthenticatorCode => Get(nameof(EnterAuthenticatorCode));

    public static string CodeHasSixDigits => Get(nameof(CodeHasSixDigits));

    public static string EnterRecoveryCode => Get(nameof(EnterRecoveryCode));

    public static string TooLong => Get(nameof(TooLong));

    private static string Get(string name) => InterfaceText.Get("Validation_" + name);
}
