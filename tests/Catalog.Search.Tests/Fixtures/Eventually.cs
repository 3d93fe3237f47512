namespace Catalog.Search.Tests.Fixtures;

/// <summary>Waits for a condition that a background loop makes true, failing after a generous timeout.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, int timeoutSeconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
                Assert.Fail($"timed out after {timeoutSeconds}s waiting for: {what}");
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
