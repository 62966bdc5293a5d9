using System.Globalization;
using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>
/// Typed property setting: looks a GObject property up by its GParamSpec, converts a managed value (int, uint, long,
/// ulong, double, bool or string) to the
/// value to the property's GType (range-checked), and sets it through a GValue. Enums accept nick, name or number;
/// flags, caps and other boxed types go through GStreamer's own string deserialisation.
/// </summary>
public static unsafe class ObjectProperties
{
    // GType fundamentals (G_TYPE_MAKE_FUNDAMENTAL(n) = n << 2).
    private const ulong GTypeBoolean = 5 << 2;
    private const ulong GTypeInt = 6 << 2;
    private const ulong GTypeUInt = 7 << 2;
    private const ulong GTypeLong = 8 << 2;
    private const ulong GTypeULong = 9 << 2;
    private const ulong GTypeInt64 = 10 << 2;
    private const ulong GTypeUInt64 = 11 << 2;
    private const ulong GTypeEnum = 12 << 2;
    private const ulong GTypeFloat = 14 << 2;
    private const ulong GTypeDouble = 15 << 2;
    private const ulong GTypeString = 16 << 2;

    /// <summary>
    /// Sets a property the way <c>g_object_set</c> treats it in deepstream-app: a property the element lacks, or a value
    /// its enum lacks, is not set and the problem is returned (for a warning) instead of thrown. Other problems throw.
    /// </summary>
    /// <returns>Null when set; otherwise why it was left unset.</returns>
    public static string? SetOrExplain(GObject* obj, string elementName, string factory, string property, object value)
    {
        var spec = Find(obj, property);
        if (spec is null)
        {
            return $"element '{elementName}' ({factory}) has no property '{property}'";
        }

        try
        {
            Set(obj, elementName, factory, property, value);
            return null;
        }
        catch (PipelineException ex) when (GLib.g_type_fundamental(spec->value_type) == GTypeEnum)
        {
            return ex.Message;
        }
    }

    /// <summary>Whether <paramref name="obj"/> has a property called <paramref name="property"/>.</summary>
    public static bool Has(GObject* obj, string property) => Find(obj, property) is not null;

    private static GParamSpec* Find(GObject* obj, string property)
    {
        using var name = new Utf8Z(property);
        return GLib.g_object_class_find_property((GObjectClass*)obj->g_type_instance.g_class, name.P);
    }

    /// <summary>Sets <paramref name="property"/> on <paramref name="obj"/>; throws <see cref="PipelineException"/> naming element, property and value.</summary>
    public static void Set(GObject* obj, string elementName, string factory, string property, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var where = $"element '{elementName}' ({factory}): property '{property}'";
        using var name = new Utf8Z(property);
        var klass = (GObjectClass*)obj->g_type_instance.g_class;
        var spec = GLib.g_object_class_find_property(klass, name.P);
        if (spec is null)
        {
            throw new PipelineException($"{where} does not exist (check the element's properties with gst-inspect-1.0 {factory})");
        }

        if (((uint)spec->flags & 0x2) == 0)
        {
            throw new PipelineException($"{where} is not writable");
        }

        var type = spec->value_type;
        var fundamental = GLib.g_type_fundamental(type);
        var text = value switch
        {
            string raw => raw,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        GValue gv = default;
        try
        {
            switch (fundamental)
            {
                case GTypeBoolean:
                    GLib.g_value_init(&gv, type);
                    GLib.g_value_set_boolean(&gv, ToBool(value, text, where));
                    break;
                case GTypeInt:
                    GLib.g_value_init(&gv, type);
                    GLib.g_value_set_int(&gv, checked((int)ToInt64(value, text, where, int.MinValue, int.MaxValue)));
                    break;
                case GTypeUInt:
                    GLib.g_value_init(&gv, type);
                    GLib.g_value_set_uint(&gv, checked((uint)ToInt64(value, text, where, 0, uint.MaxValue)));
                    break;
                case GTypeLong:
                case GTypeInt64:
                    GLib.g_value_init(&gv, type);
                    var l = ToInt64(value, text, where, long.MinValue, long.MaxValue);
                    if (fundamental == GTypeLong)
                    {
                        GLib.g_value_set_long(&gv, l);
                    }
                    else
                    {
                        GLib.g_value_set_int64(&gv, l);
                    }

                    break;
                case GTypeULong:
                case GTypeUInt64:
                    GLib.g_value_init(&gv, type);
                    var u = ToUInt64(value, text, where);
                    if (fundamental == GTypeULong)
                    {
                        GLib.g_value_set_ulong(&gv, u);
                    }
                    else
                    {
                        GLib.g_value_set_uint64(&gv, u);
                    }

                    break;
                case GTypeFloat:
                    GLib.g_value_init(&gv, type);
                    GLib.g_value_set_float(&gv, (float)ToDouble(value, text, where));
                    break;
                case GTypeDouble:
                    GLib.g_value_init(&gv, type);
                    GLib.g_value_set_double(&gv, ToDouble(value, text, where));
                    break;
                case GTypeString:
                    GLib.g_value_init(&gv, type);
                    using (var s = new Utf8Z(text))
                    {
                        GLib.g_value_set_string(&gv, s.P);
                    }

                    break;
                case GTypeEnum:
                    GLib.g_value_init(&gv, type);
                    GLib.g_value_set_enum(&gv, EnumValue(type, text, where));
                    break;
                default:
                    // Flags, caps and other boxed types: GStreamer's deserialiser (what gst-launch does).
                    using (var s = new Utf8Z(text))
                    {
                        Gst.gst_util_set_object_arg(obj, name.P, s.P);
                    }

                    return;
            }

            GLib.g_object_set_property(obj, name.P, &gv);
        }
        catch (OverflowException)
        {
            throw new PipelineException($"{where}: value {text} is out of range for {NativeText.From(GLib.g_type_name(type))}");
        }
        finally
        {
            if (gv.g_type != 0)
            {
                GLib.g_value_unset(&gv);
            }
        }
    }

    private static int EnumValue(ulong type, string text, string where)
    {
        var klass = (GEnumClass*)GLib.g_type_class_ref(type);
        try
        {
            using var t = new Utf8Z(text);
            var v = GLib.g_enum_get_value_by_nick(klass, t.P);
            if (v is null)
            {
                v = GLib.g_enum_get_value_by_name(klass, t.P);
            }

            if (v is null && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                v = GLib.g_enum_get_value(klass, n);
            }

            if (v is null)
            {
                var names = new List<string>();
                for (var i = 0; i < klass->n_values; i++)
                {
                    names.Add($"{NativeText.From(klass->values[i].value_nick)} ({klass->values[i].value})");
                }

                throw new PipelineException($"{where}: '{text}' is not a value of {NativeText.From(GLib.g_type_name(type))}; valid: {string.Join(", ", names)}");
            }

            return v->value;
        }
        finally
        {
            GLib.g_type_class_unref(klass);
        }
    }

    private static bool ToBool(object v, string text, string where) => v switch
    {
        bool b => b,
        int i => i != 0,
        uint i => i != 0,
        long i => i != 0,
        string s when s is "true" or "1" or "TRUE" => true,
        string s when s is "false" or "0" or "FALSE" => false,
        _ => throw new PipelineException($"{where}: '{text}' is not a boolean"),
    };

    private static long ToInt64(object v, string text, string where, long min, long max)
    {
        long r = v switch
        {
            int i => i,
            uint i => i,
            long i => i,
            ulong i => checked((long)i),
            bool b => b ? 1 : 0,
            double d when d == Math.Floor(d) => checked((long)d),
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
            _ => throw new PipelineException($"{where}: '{text}' is not an integer"),
        };
        if (r < min || r > max)
        {
            throw new OverflowException();
        }

        return r;
    }

    private static ulong ToUInt64(object v, string text, string where) => v switch
    {
        int i => checked((ulong)i),
        uint i => i,
        long i => checked((ulong)i),
        ulong i => i,
        bool b => b ? 1UL : 0UL,
        string s when ulong.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => throw new PipelineException($"{where}: '{text}' is not an unsigned integer"),
    };

    private static double ToDouble(object v, string text, string where) => v switch
    {
        int i => i,
        uint i => i,
        long i => i,
        ulong i => i,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
        _ => throw new PipelineException($"{where}: '{text}' is not a number"),
    };
}
