using System.Runtime.CompilerServices;

// libclang's structs are passed by value; they are blittable, so no runtime marshalling is wanted.
[assembly: DisableRuntimeMarshalling]
[assembly: InternalsVisibleTo("DeepStreamNet.BindGen.Tests")]
