using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>Waits for a condition a playing pipeline makes true (polled every 20 ms); fails the test naming it.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"timed out waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }
}
