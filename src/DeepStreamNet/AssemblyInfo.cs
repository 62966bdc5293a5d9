using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DeepStreamNet.Tests")]

// The ONNX protobuf helpers (Onnx/OnnxModel) are shared with the model tools.
[assembly: InternalsVisibleTo("DeepStreamNet.Training")]
[assembly: InternalsVisibleTo("DeepStreamNet.Training.Tests")]
