using System.Text.RegularExpressions;
using Portal.Features.Ingestion;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// deploy/nginx.conf, the proxy in front of the portal replicas: Debian's nginx accepts it (`nginx -t`, with
/// the compose service names pointed at 127.0.0.1), and it keeps a visitor on one replica, passes the
/// circuits' WebSockets through, tells the portal who asked and over what, and lets uploads through.
/// Scripts/two-instances.sh runs it for real (TwoInstancesBehindNginxTests).
/// </summary>
public sealed partial class NginxConfigTests
{
    private static readonly string Config = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "deploy", "nginx.conf"));

    [Fact]
    public async Task DebiansNginxAcceptsTheConfiguration()
    {
        var folder = Directory.CreateTempSubdirectory("portal-nginx-test-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "portal.conf"), Regex.Replace(Config, @"server portal-\d+:8080", "server 127.0.0.1:8080"), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
                pid {{folder}}/nginx.pid;
                error_log stderr;
                events {}
                http { include {{folder}}/portal.conf; }
                """, TestContext.Current.CancellationToken);
            var run = await InstalledTool.RunAsync("nginx", "-e", "stderr", "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-t");

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("test is successful", run.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AVisitorStaysOnOneReplicaByACookieTheProxySets()
    {
        Assert.Matches(@"(?m)^\s*hash \$portal_instance consistent;", Config);
        Assert.Matches(@"map \$cookie_portal_instance \$portal_instance \{\s*""""\s+\$request_id;\s*default\s+\$cookie_portal_instance;", Config);
        Assert.Matches(@"(?m)^\s*add_header Set-Cookie \$portal_instance_cookie;", Config);
        Assert.Matches(@"""portal_instance=\$request_id; Path=/; HttpOnly; SameSite=Lax""", Config);
    }

    [Fact]
    public void CircuitsWebSocketsAndForwardedHeadersPassThrough()
    {
        Assert.Matches(@"(?m)^\s*proxy_http_version 1\.1;", Config);
        Assert.Matches(@"(?m)^\s*proxy_set_header Upgrade \$http_upgrade;", Config);
        Assert.Matches(@"(?m)^\s*proxy_set_header Connection \$connection_upgrade;", Config);
        Assert.Matches(@"(?m)^\s*proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;", Config);
        Assert.Matches(@"(?m)^\s*proxy_set_header X-Forwarded-Proto \$scheme;", Config);
        Assert.Matches(@"(?m)^\s*proxy_set_header Host \$host;", Config);
        // The circuits' location outlives the server's 15 s pings and SignalR's 30 s client timeout by far.
        var blazor = Regex.Match(Config, @"location /_blazor \{[^}]*\}").Value;
        Assert.Contains("proxy_buffering off;", blazor);
        Assert.True(Seconds(blazor, "proxy_read_timeout") >= 300, blazor);
        Assert.True(Seconds(blazor, "proxy_send_timeout") >= 300, blazor);
    }

    [Fact]
    public void UploadsUpToThePortalsOwnLimitPassTheProxy()
    {
        var size = Regex.Match(Config, @"(?m)^\s*client_max_body_size (\d+)m;");
        Assert.True(size.Success);

        Assert.True(long.Parse(size.Groups[1].Value) * 1024 * 1024 >= new IngestionOptions().MaxUploadBytes);
    }

    private static int Seconds(string block, string directive) =>
        int.Parse(Regex.Match(block, $@"{directive} (\d+)s;").Groups[1].Value);
}
