using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DeepStreamNet.Tests")]
