using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// The <c>Portal:Mail</c> section: the SMTP server the portal sends through. Without a host, messages are
/// written as .eml files to <see cref="PickupDirectory"/> (for a portal run locally), and a warning is logged.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Portal:Mail";

    /// <summary>SMTP server host name; unset, mail goes to the pickup directory.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured: <c>StartTls</c> (default), <c>SslOnConnect</c>, <c>Auto</c> or <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Sign in to the server with these when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>UN Documents Portal &lt;documents@un.example&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "UN Documents Portal <no-reply@localhost>";

    /// <summary>Folder for .eml files when no host is set; relative to <c>Portal:DataPath</c>.</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>How long one send may take before it is abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
