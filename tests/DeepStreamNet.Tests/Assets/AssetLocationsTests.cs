using DeepStreamNet.Assets;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Assets;

/// <summary>Which folder above a running dsnet counts as its checkout.</summary>
[TestFixture]
public sealed class AssetLocationsTests
{
    private string _dir = null!;

    [SetUp]
    public void MakeTree() => _dir = Directory.CreateTempSubdirectory("dsnet-locations-").FullName;

    [TearDown]
    public void RemoveTree() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void A_stray_assets_manifest_above_an_installed_tool_is_not_a_checkout()
    {
        // the way an installed tool sits under a folder that happens to hold assets/manifest.tsv (/tmp/assets once)
        Write(Path.Combine(_dir, "assets", "manifest.tsv"));
        var tool = Directory.CreateDirectory(Path.Combine(_dir, "tools", ".store", "dsnet", "1.0.0")).FullName;
        Assert.That(AssetLocations.FindCheckoutAbove(tool), Is.Null);
    }

    [Test]
    public void The_first_folder_with_the_solution_and_the_manifest_is_the_checkout()
    {
        var checkout = Directory.CreateDirectory(Path.Combine(_dir, "work", "repo")).FullName;
        Write(Path.Combine(checkout, AssetLocations.SolutionFile));
        Write(AssetLocations.ManifestIn(checkout));
        Write(Path.Combine(_dir, "assets", "manifest.tsv")); // a stray one further up is not reached
        var bin = Directory.CreateDirectory(Path.Combine(checkout, "src", "DeepStreamNet.Cli", "bin", "Release", "net10.0")).FullName;
        Assert.Multiple(() =>
        {
            Assert.That(AssetLocations.FindCheckoutAbove(bin), Is.EqualTo(checkout));
            Assert.That(AssetLocations.FindCheckoutAbove(checkout), Is.EqualTo(checkout));
        });
    }

    [Test]
    public void A_solution_without_a_manifest_is_not_a_checkout()
    {
        Write(Path.Combine(_dir, AssetLocations.SolutionFile));
        Assert.That(AssetLocations.FindCheckoutAbove(Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName), Is.Null);
    }

    [Test]
    public void This_test_run_finds_its_own_checkout()
    {
        var root = AssetLocations.FindCheckoutAbove(AppContext.BaseDirectory);
        Assert.That(root, Is.Not.Null);
        Assert.That(File.Exists(Path.Combine(root!, "DeepStreamNet.sln")), Is.True);
    }

    private static void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }
}
