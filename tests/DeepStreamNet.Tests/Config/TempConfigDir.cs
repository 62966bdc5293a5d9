namespace DeepStreamNet.Tests.Config;

/// <summary>A temporary folder for config files written by a test; deleted on dispose.</summary>
internal sealed class TempConfigDir : IDisposable
{
    public TempConfigDir()
    {
        Path = Directory.CreateTempSubdirectory("dsnet-config-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a file (text as given, no newline conversion) and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var full = System.IO.Path.Combine(Path, name);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>A minimal valid nvinfer file (UltraFace ONNX from ../shared) named <paramref name="name"/>.</summary>
    public string WriteInfer(string name = "infer.txt", string extra = "") => Write(name, $"""
        [property]
        onnx-file={ConfigTestPaths.UltraFace640}
        gie-unique-id=1
        network-type=0
        num-detected-classes=2
        cluster-mode=2
        {UltraFaceParser(extra)}{extra}
        """);

    /// <summary>The UltraFace parser of libdsnet_parsers.so unless <paramref name="extra"/> chooses the parser itself.</summary>
    private static string UltraFaceParser(string extra) =>
        extra.Contains("parse-bbox-func-name", StringComparison.Ordinal) || extra.Contains("custom-lib-path", StringComparison.Ordinal)
            ? string.Empty
            : $"custom-lib-path={ConfigTestPaths.ParserLibrary}\nparse-bbox-func-name=NvDsInferParseUltraFaceMask\n";

    /// <summary>An app config with one file source, a primary GIE, OSD and a fakesink, plus <paramref name="extra"/> groups.</summary>
    public string WriteApp(string extra = "", string name = "app.txt", string source = "", string sink = "")
    {
        WriteInfer();
        return Write(name, $"""
            [source0]
            enable=1
            type=2
            uri=file://{ConfigTestPaths.DemoClip}
            {source}

            [streammux]
            batch-size=1
            width=1280
            height=720

            [primary-gie]
            enable=1
            config-file=infer.txt

            [sink0]
            enable=1
            type=1
            {sink}

            {extra}
            """);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
