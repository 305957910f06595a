namespace Portal.Features.Accounts;

/// <summary>The account pages' addresses.</summary>
public static class AccountPaths
{
    public const string SignIn = "/account/sign-in";
    public const string SignInTwoFactor = "/account/sign-in/two-factor";
    public const string SignInRecoveryCode = "/account/sign-in/recovery-code";
    public const string SignOut = "/account/sign-out";
    public const string ForgotPassword = "/account/forgot-password";
    public const string ResetPassword = "/account/reset-password";
    public const string Manage = "/account";
    public const string ChangePassword = "/account/change-password";
    public const string TwoFactor = "/account/two-factor";
    public const string TwoFactorSetUp = "/account/two-factor/set-up";
    public const string AccessDenied = "/account/access-denied";
    public const string ApiTokens = "/account/api-tokens";

    /// <summary>Pages under here never require two-factor set-up first (the set-up page is one of them).</summary>
    public const string Prefix = "/account";
}
