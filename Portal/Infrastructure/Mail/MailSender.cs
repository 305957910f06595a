using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Infrastructure.Mail;

/// <summary>One e-mail to one person: plain text, with an HTML alternative when given.</summary>
/// <param name="Headers">Extra header fields (<c>List-Unsubscribe</c>).</param>
/// <param name="MessageId">A stable Message-ID, so a message sent again after a crash is recognised as the same one by mail clients.</param>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null,
    IReadOnlyDictionary<string, string>? Headers = null, string? MessageId = null);

/// <summary>Sends the portal's e-mail (password resets, invitations, alerts).</summary>
public interface IMailSender
{
    /// <exception cref="MailNotSentException">The server could not be reached or refused the message.</exception>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>A message that did not go out; the message says why, for the log.</summary>
public sealed class MailNotSentException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Sends through the SMTP server of <see cref="MailOptions"/> with MailKit, one connection per message
/// (the portal sends little mail; a long-lived connection would need its own health care).
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, IOptions<PortalOptions> portal, IHostEnvironment environment, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = Compose(mail, settings);
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            await WriteToPickupDirectoryAsync(message, settings, cancellationToken);
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, timeout.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", timeout.Token);
            }
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MailNotSentException($"\"{mail.Subject}\" to {mail.To} was not sent through {settings.Host}:{settings.Port}: {e.Message}", e);
        }
        logger.LogInformation("Sent \"{Subject}\" to {To} through {Host}.", mail.Subject, mail.To, settings.Host);
    }

    internal static MimeMessage Compose(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        if (mail.MessageId is not null)
        {
            message.MessageId = mail.MessageId;
        }
        foreach (var (name, value) in mail.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task WriteToPickupDirectoryAsync(MimeMessage message, MailOptions settings, CancellationToken cancellationToken)
    {
        var dataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, portal.Value.DataPath));
        var directory = Path.Combine(dataPath, settings.PickupDirectory);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, cancellationToken);
        logger.LogWarning("No SMTP server is configured (Portal:Mail:Host): \"{Subject}\" to {To} was written to {File} instead.", message.Subject, message.To, file);
    }
}
