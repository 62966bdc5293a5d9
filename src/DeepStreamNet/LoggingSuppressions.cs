using System.Diagnostics.CodeAnalysis;

// The runner logs on state changes, errors and once-per-second events, never per buffer: message templates with
// ILogger extension methods keep those call sites readable, so the LoggerMessage source generator is not used here.
[assembly: SuppressMessage("Performance", "CA1848", Scope = "namespaceanddescendants", Target = "~N:DeepStreamNet.Runner", Justification = "not a hot path")]
[assembly: SuppressMessage("Performance", "CA1873", Scope = "namespaceanddescendants", Target = "~N:DeepStreamNet.Runner", Justification = "not a hot path")]
[assembly: SuppressMessage("Performance", "CA1848", Scope = "namespaceanddescendants", Target = "~N:DeepStreamNet.Hosting", Justification = "not a hot path")]
[assembly: SuppressMessage("Performance", "CA1873", Scope = "namespaceanddescendants", Target = "~N:DeepStreamNet.Hosting", Justification = "not a hot path")]
[assembly: SuppressMessage("Performance", "CA1848", Scope = "namespaceanddescendants", Target = "~N:DeepStreamNet.GStreamer", Justification = "not a hot path")]
[assembly: SuppressMessage("Performance", "CA1873", Scope = "namespaceanddescendants", Target = "~N:DeepStreamNet.GStreamer", Justification = "not a hot path")]
