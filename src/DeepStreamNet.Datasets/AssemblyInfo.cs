using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DeepStreamNet.Datasets.Tests")]
