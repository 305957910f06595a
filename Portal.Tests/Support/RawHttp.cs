using System.Net.Sockets;
using System.Text;

namespace Portal.Tests.Support;

/// <summary>
/// One HTTP/1.1 request written by hand over a socket, for what HttpClient refuses to send
/// (an empty or 5,000-character Host header) or hides (whether a HEAD answer has a body).
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    public static async Task<Response> SendAsync(Uri server, string method, string target, string? host, params string[] headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\n");
        if (host is not null)
        {
            request.Append($"Host: {host}\r\n");
        }
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }
        request.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));

        // The server closes the connection after the answer (Connection: close), so read to the end.
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = text[..split].Split("\r\n");
        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            parsed[name] = parsed.TryGetValue(name, out var existing) ? $"{existing}, {value}" : value;
        }
        return new Response(int.Parse(head[0].Split(' ')[1]), parsed, text[(split + 4)..]);
    }
}
