using System.Globalization;

namespace DeepStreamNet.Datasets.Sources;

/// <summary>
/// Maps the class names of the Kaggle-style datasets (VOC and per-image JSON) to <see cref="FaceClass"/>.
/// Names compare case-insensitively. Unknown names become <see cref="FaceClass.Ignore"/> (a face nobody classified).
/// </summary>
public sealed class ClassMapping
{
    private readonly Dictionary<string, FaceClass> _map = new(StringComparer.OrdinalIgnoreCase)
    {
        // NVIDIA recipe (Kaggle medical masks) and its early names.
        ["mask"] = FaceClass.Mask,
        ["none"] = FaceClass.NoMask,
        ["good"] = FaceClass.Mask,
        ["bad"] = FaceClass.NoMask,

        // andrewmvd "Face Mask Detection" (VOC).
        ["with_mask"] = FaceClass.Mask,
        ["without_mask"] = FaceClass.NoMask,
        ["mask_weared_incorrect"] = FaceClass.Ignore,

        // Per-image JSON ("Medical mask") face classes.
        ["face_with_mask"] = FaceClass.Mask,
        ["face_no_mask"] = FaceClass.NoMask,
        ["face_with_mask_incorrect"] = FaceClass.Ignore,
        ["face_other_covering"] = FaceClass.Ignore,

        // Per-image JSON accessory classes: they box the object, not the face.
        ["mask_surgical"] = FaceClass.NotAFace,
        ["mask_colorful"] = FaceClass.NotAFace,
        ["hijab_niqab"] = FaceClass.NotAFace,
        ["scarf_bandana"] = FaceClass.NotAFace,
        ["balaclava_ski_mask"] = FaceClass.NotAFace,
        ["gas_mask"] = FaceClass.NotAFace,
        ["face_shield"] = FaceClass.NotAFace,
        ["other"] = FaceClass.NotAFace,
        ["sunglasses"] = FaceClass.NotAFace,
        ["eyeglasses"] = FaceClass.NotAFace,
        ["goggles"] = FaceClass.NotAFace,
        ["hat"] = FaceClass.NotAFace,
        ["helmet"] = FaceClass.NotAFace,
        ["hood"] = FaceClass.NotAFace,
        ["turban"] = FaceClass.NotAFace,
        ["cap"] = FaceClass.NotAFace,
    };

    /// <summary>The default mapping (see README for the table).</summary>
    public static ClassMapping Default => new();

    /// <summary>Adds or overrides one name.</summary>
    public ClassMapping Set(string name, FaceClass target)
    {
        _map[name] = target;
        return this;
    }

    /// <summary>Class of <paramref name="name"/> and whether the name was known.</summary>
    public (FaceClass Class, bool Known) Map(string name) =>
        _map.TryGetValue(name.Trim(), out var c) ? (c, true) : (FaceClass.Ignore, false);

    /// <summary>
    /// Parses overrides <c>name=target[,name=target…]</c> with target <c>mask</c>, <c>no-mask</c>, <c>ignore</c> or
    /// <c>drop</c> on top of the defaults.
    /// </summary>
    /// <exception cref="FormatException">An entry is malformed; the message quotes it.</exception>
    public static ClassMapping Parse(string? overrides)
    {
        var m = new ClassMapping();
        if (string.IsNullOrWhiteSpace(overrides))
        {
            return m;
        }

        foreach (var entry in overrides.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == entry.Length - 1)
            {
                throw new FormatException($"class mapping entry '{entry}' is not name=target");
            }

            var target = entry[(eq + 1)..].Trim().ToLower(CultureInfo.InvariantCulture) switch
            {
                "mask" => FaceClass.Mask,
                "no-mask" or "nomask" or "no_mask" => FaceClass.NoMask,
                "ignore" or "dontcare" => FaceClass.Ignore,
                "drop" => FaceClass.NotAFace,
                var t => throw new FormatException($"class mapping entry '{entry}': target '{t}' is not mask, no-mask, ignore or drop"),
            };
            m.Set(entry[..eq].Trim(), target);
        }

        return m;
    }
}
