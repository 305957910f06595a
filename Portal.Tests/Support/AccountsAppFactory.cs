namespace Portal.Tests.Support;

/// <summary>The portal with its mail going to an <see cref="SmtpSink"/> the test owns.</summary>
public class AccountsAppFactory : PortalAppFactory
{
    public SmtpSink Mail { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings => Mail.Settings;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
