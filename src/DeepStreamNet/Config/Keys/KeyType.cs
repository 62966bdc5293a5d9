namespace DeepStreamNet.Config;

/// <summary>How deepstream-app / nvinfer read a key (which GKeyFile getter and what post-processing).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Names mirror the GKeyFile getters.")]
public enum KeyType
{
    /// <summary>g_key_file_get_integer.</summary>
    Int,

    /// <summary>Integer used as on/off (0 = off, any other value = on).</summary>
    IntBool,

    /// <summary>g_key_file_get_boolean (true/false/1/0).</summary>
    Bool,

    /// <summary>g_key_file_get_uint64 / int64.</summary>
    Int64,

    /// <summary>g_key_file_get_double.</summary>
    Double,

    /// <summary>Double list of exactly 4 (r;g;b;a).</summary>
    Colour,

    /// <summary>g_key_file_get_string, kept as is.</summary>
    String,

    /// <summary>String resolved against the config file's folder when relative.</summary>
    Path,

    /// <summary>URI whose <c>file://</c> part is resolved like a path.</summary>
    Uri,

    /// <summary>g_key_file_get_integer_list.</summary>
    IntList,

    /// <summary>g_key_file_get_double_list.</summary>
    DoubleList,

    /// <summary>g_key_file_get_string_list.</summary>
    StringList,
}
