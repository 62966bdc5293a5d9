using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

public sealed class SkeletonTests
{
    [Test]
    public void Assembly_loads() => Assert.That(typeof(SkeletonTests).Assembly.GetName().Name, Is.EqualTo("DeepStreamNet.Datasets.Tests"));
}
