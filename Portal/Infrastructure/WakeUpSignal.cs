namespace Portal.Infrastructure;

/// <summary>Wakes a background worker before its next pass (something was queued for it); several signals before it wakes count as one.</summary>
public class WakeUpSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Now()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
