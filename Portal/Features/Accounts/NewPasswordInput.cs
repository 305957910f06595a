using System.ComponentModel.DataAnnotations;
using Portal.Localization;

namespace Portal.Features.Accounts;

/// <summary>A new password typed twice. The strength rules are Identity's (AccountServices), checked when it is saved.</summary>
public sealed class NewPasswordInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.EnterNewPassword))]
    [StringLength(200, MinimumLength = 12, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.PasswordTooShort))]
    public string Password { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.RepeatNewPassword))]
    [Compare(nameof(Password), ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.PasswordsDiffer))]
    public string ConfirmPassword { get; set; } = "";
}
