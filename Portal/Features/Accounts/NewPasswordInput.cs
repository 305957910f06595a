using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Accounts;

/// <summary>A new password typed twice. The strength rules are Identity's (AccountServices), checked when it is saved.</summary>
public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The password must have at least 12 characters.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Repeat the new password.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string ConfirmPassword { get; set; } = "";
}
