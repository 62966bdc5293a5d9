using DeepStreamNet.Onnx;
using DeepStreamNet.Training.Onnx;
using NUnit.Framework;

namespace DeepStreamNet.Training.Tests;

/// <summary>The ONNX protobuf layer on the real backbone files of the ResNet-18 package.</summary>
[TestFixture]
public sealed class OnnxModelTests
{
    private static string Prep => Path.Combine(ClassifierGraph.DefaultModelsDirectory, ClassifierGraph.PreprocessFile);

    [Test]
    public void ReadsAndWritesAModelWithoutChangingIt()
    {
        var model = OnnxModel.Load(Prep);
        Assert.That(OnnxModel.Describe(model), Does.Contain("inputs OriginalInput[1,3,224,224]").And.Contain("outputs PreprocessedInput[1,3,224,224]"));

        var copy = Path.Combine(Path.GetTempPath(), $"dsnet-onnx-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxModel.Save(model, copy);
            Assert.That(File.ReadAllBytes(copy), Is.EqualTo(File.ReadAllBytes(Prep)), "a read-write round trip keeps every byte");
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Test]
    public void NotAnOnnxFileGivesAClearError()
    {
        var bogus = Path.Combine(Path.GetTempPath(), $"dsnet-onnx-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(bogus, "this is not protobuf at all, just text");
        try
        {
            Assert.That(() => OnnxModel.Load(bogus), Throws.TypeOf<InvalidDataException>().With.Message.Contains(bogus));
        }
        finally
        {
            File.Delete(bogus);
        }
    }
}
