namespace DeepStreamNet.Config;

/// <summary>What a key of a group is: its type, and for keys that 6.3 does not read, why.</summary>
/// <param name="Name">Key name.</param>
/// <param name="Type">How it is read.</param>
/// <param name="Since">First DeepStream release whose parser reads it.</param>
/// <param name="NotIn63">When set, 6.3 does not read the key (removed, renamed, newer or never parsed): the
/// note becomes the hint of an unknown-key warning.</param>
public sealed record KeySpec(string Name, KeyType Type, string Since = "5.0", string? NotIn63 = null);
