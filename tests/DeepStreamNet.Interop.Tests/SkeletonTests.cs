using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests;

public sealed class SkeletonTests
{
    [Test]
    public void Assembly_loads() => Assert.That(typeof(SkeletonTests).Assembly.GetName().Name, Is.EqualTo("DeepStreamNet.Interop.Tests"));
}
