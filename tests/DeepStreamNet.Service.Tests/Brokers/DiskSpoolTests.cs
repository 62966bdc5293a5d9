using System.Text;
using DeepStreamNet.Service.Brokers;
using DeepStreamNet.Service.Delivery;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Brokers;

/// <summary>The bounded on-disk spool: FIFO, survives a restart, a full spool drops the oldest and counts it.</summary>
[TestFixture]
public sealed class DiskSpoolTests
{
    private static BrokerMessage M(int i) => new("t", Encoding.UTF8.GetBytes($"m{i}"), i % 2 == 0 ? $"k{i}" : null);

    [Test]
    public void KeepsOrderAcrossInstancesAndDropsTheOldestWhenFull()
    {
        var dir = ServicePaths.TempDir("spool");
        var spool = new DiskSpool(dir, capacity: 5);
        for (var i = 0; i < 8; i++)
        {
            Assert.That(spool.Append(M(i)), Is.EqualTo(i >= 5), $"append {i}");
        }

        Assert.That((spool.Count, spool.Dropped), Is.EqualTo((5, 3L)));
        var reopened = new DiskSpool(dir, capacity: 5);
        var seen = new List<BrokerMessage>();
        while (reopened.Peek() is { } next)
        {
            seen.Add(next.Message);
            reopened.Remove(next.Id);
        }

        Assert.That(seen.Select(m => Encoding.UTF8.GetString(m.Payload)), Is.EqualTo(new[] { "m3", "m4", "m5", "m6", "m7" }));
        Assert.That(seen.Select(m => m.Key), Is.EqualTo(new[] { null, "k4", null, "k6", null }));
        Assert.That(Directory.GetFiles(dir), Is.Empty);
    }
}
