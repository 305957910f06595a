using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Portal.Tests.Support;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (a free port), started by the test itself: it accepts every
/// message the portal's real SMTP client (MailKit) sends and keeps it, parsed by MimeKit, for the test to read.
/// It speaks only what a plain SMTP client needs (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private int _refusals;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The next <paramref name="count"/> messages are refused with a temporary failure (451), as a busy server would.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refusals, count);

    /// <summary>The configuration that points the portal at this sink.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Portal:Mail:Host", "127.0.0.1"),
        new("Portal:Mail:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Portal:Mail:Security", "None"),
        new("Portal:Mail:From", "Portal <portal@test.example>"),
    ];

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    /// <summary>Waits for the first message to <paramref name="to"/> (already received, or arriving within a minute).</summary>
    public Task<MimeMessage> WaitForMessageToAsync(string to) => WaitForAsync(m => IsTo(m, to));

    /// <summary>Waits for the first message to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public Task<MimeMessage> WaitForMessageToAsync(string to, string subject) =>
        WaitForAsync(m => IsTo(m, to) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));

    /// <summary>The messages received so far to <paramref name="to"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string to) => [.. _messages.Where(m => IsTo(m, to))];

    /// <summary>Waits for the first message that satisfies <paramref name="condition"/> (already received, or arriving within two minutes).</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var found = _messages.FirstOrDefault(condition);
            if (found is not null)
            {
                return found;
            }
            await _arrived.WaitAsync(timeout.Token);
        }
    }

    private static bool IsTo(MimeMessage message, string to) =>
        message.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test sink");
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "DATA" when Interlocked.Decrement(ref _refusals) >= 0:
                        await writer.WriteLineAsync("451 try again later");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        _messages.Enqueue(await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()))));
                        _arrived.Release();
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the sink is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
