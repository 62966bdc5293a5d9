using System.IO.Compression;
using System.Xml.Linq;

namespace DeepStreamNet.Packaging.Tests;

/// <summary>What each package in the feed carries: metadata, README, XML docs, symbols, native files per architecture.</summary>
public sealed class PackageContentTests
{
    private static readonly string[] Ids = ["DeepStreamNet", "DeepStreamNet.Interop", "DeepStreamNet.Runtime.Portable", "dsnet", "DeepStreamNet.Templates"];

    [TestCaseSource(nameof(Ids))]
    public void Package_has_complete_metadata(string id)
    {
        using var zip = ZipFile.OpenRead(PackagedFeed.PackageFile(id));
        var nuspec = Nuspec(zip, id);
        string Get(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
        Assert.Multiple(() =>
        {
            Assert.That(Get("id"), Is.EqualTo(id));
            Assert.That(Get("description"), Has.Length.GreaterThan(60).And.Not.EqualTo("Package Description"));
            Assert.That(Get("authors"), Is.Not.Empty);
            Assert.That(Get("tags"), Does.Contain("deepstream"));
            var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");
            Assert.That(license.Attribute("type")?.Value, Is.EqualTo("expression"));
            Assert.That(license.Value, Is.EqualTo("MIT"));
            Assert.That(Get("readme"), Is.EqualTo("README.md"));
            Assert.That(zip.GetEntry("README.md"), Is.Not.Null, "README.md inside the package");
            var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
            Assert.That(repository.Attribute("commit")?.Value, Does.Match("^[0-9a-f]{40}$"), "repository commit");
        });
    }

    [TestCase("DeepStreamNet")]
    [TestCase("DeepStreamNet.Interop")]
    public void Library_package_has_xml_docs_and_a_symbol_package(string id)
    {
        using var zip = ZipFile.OpenRead(PackagedFeed.PackageFile(id));
        Assert.That(zip.GetEntry($"lib/net10.0/{id}.dll"), Is.Not.Null);
        Assert.That(zip.GetEntry($"lib/net10.0/{id}.xml"), Is.Not.Null, "XML documentation");
        using var symbols = ZipFile.OpenRead(PackagedFeed.PackageFile(id, "snupkg"));
        Assert.That(symbols.GetEntry($"lib/net10.0/{id}.pdb"), Is.Not.Null, "portable PDB in the .snupkg");
    }

    [TestCase("linux-x64", (ushort)62)]
    [TestCase("linux-arm64", (ushort)183)]
    public void Runtime_package_has_the_native_runtime_per_architecture_with_an_origin_runpath(string rid, ushort elfMachine)
    {
        using var zip = ZipFile.OpenRead(PackagedFeed.PackageFile("DeepStreamNet.Runtime.Portable"));
        var folder = Path.Combine(PackagedFeed.Box.Root, "runtime-" + rid);
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "libgstdsnet.so", "libdsnet_meta.so" })
        {
            var entry = zip.GetEntry($"runtimes/{rid}/native/{name}");
            Assert.That(entry, Is.Not.Null, $"runtimes/{rid}/native/{name}");
            var path = Path.Combine(folder, name);
            entry!.ExtractToFile(path, overwrite: true);
            var header = File.ReadAllBytes(path).AsSpan(0, 20);
            Assert.That(BitConverter.ToUInt16(header[18..20]), Is.EqualTo(elfMachine), $"{rid}/{name} ELF machine");
        }

        var dynamic = PackagedFeed.Box.RunOk("readelf", "-d libgstdsnet.so", folder, TimeSpan.FromSeconds(30));
        Assert.That(dynamic, Does.Contain("RUNPATH").And.Contain("[$ORIGIN:$ORIGIN/..]"));
        Assert.That(dynamic, Does.Not.Contain("libonnxruntime"), "ONNX Runtime is found at run time, not through DT_NEEDED");
        Assert.That(dynamic, Does.Not.Contain("/build/"), "no path into a build tree");
        var dependencies = Nuspec(zip, "DeepStreamNet.Runtime.Portable").Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")?.Value);
        Assert.That(dependencies, Does.Contain("Microsoft.ML.OnnxRuntime"));
    }

    [Test]
    public void Tool_package_is_a_dotnet_tool_with_both_linux_runtimes_and_no_other_platforms()
    {
        using var zip = ZipFile.OpenRead(PackagedFeed.PackageFile("dsnet"));
        var types = Nuspec(zip, "dsnet").Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")?.Value);
        Assert.That(types, Does.Contain("DotnetTool"));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        const string any = "tools/net10.0/any/";
        Assert.That(names, Does.Contain(any + "DotnetToolSettings.xml"));
        foreach (var rid in new[] { "linux-x64", "linux-arm64" })
        {
            foreach (var lib in new[] { "libgstdsnet.so", "libdsnet_meta.so", "libonnxruntime.so" })
            {
                Assert.That(names, Does.Contain($"{any}runtimes/{rid}/native/{lib}"));
            }
        }

        Assert.That(names, Does.Contain(any + "dsnet-data/assets/manifest.tsv"));
        Assert.That(names, Does.Contain(any + "dsnet-data/configs/face-mask/portable/deepstream_app_file_masknet.txt"));
        Assert.That(names.Where(n => n.StartsWith(any + "runtimes/", StringComparison.Ordinal)
            && !n.StartsWith(any + "runtimes/linux-x64/", StringComparison.Ordinal) && !n.StartsWith(any + "runtimes/linux-arm64/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Template_package_holds_the_dsnet_probe_template()
    {
        using var zip = ZipFile.OpenRead(PackagedFeed.PackageFile("DeepStreamNet.Templates"));
        var types = Nuspec(zip, "DeepStreamNet.Templates").Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")?.Value);
        Assert.That(types, Does.Contain("Template"));
        using var reader = new StreamReader(zip.GetEntry("content/dsnet-probe/.template.config/template.json")!.Open());
        Assert.That(reader.ReadToEnd(), Does.Contain("\"shortName\": \"dsnet-probe\"").And.Contain($"\"defaultValue\": \"{PackagedFeed.Version}\""));
    }

    private static XDocument Nuspec(ZipArchive zip, string id)
    {
        using var stream = zip.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream);
    }
}
