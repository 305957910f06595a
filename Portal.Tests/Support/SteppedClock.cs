namespace Portal.Tests.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
