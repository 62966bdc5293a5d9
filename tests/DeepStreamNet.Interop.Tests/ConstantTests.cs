using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests;

/// <summary>Enum values and macro constants that the metadata ABI and GStreamer fix (spot checks against the spec).</summary>
public sealed class ConstantTests
{
    [Test]
    public void NvDs_enums_and_constants_have_DeepStream_6_3_values()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)NvDsMetaType.NVDS_INVALID_META, Is.EqualTo(-1));
            Assert.That((int)NvDsMetaType.NVDS_USER_META, Is.EqualTo(7));
            Assert.That((int)NvDsMetaType.NVDS_GST_CUSTOM_META, Is.EqualTo(4096));
            Assert.That((int)NvDsMetaType.NVDS_START_USER_META, Is.EqualTo(4096 + 4096 + 1));
            Assert.That((int)GstNvDsMetaType.NVDS_BATCH_GST_META, Is.EqualTo(4097));
            Assert.That(NvDs.MAX_LABEL_SIZE, Is.EqualTo(128));
            Assert.That(NvDs.MAX_ELEMENTS_IN_DISPLAY_META, Is.EqualTo(16));
            Assert.That(NvDs.UNTRACKED_OBJECT_ID, Is.EqualTo(ulong.MaxValue));
            Assert.That(NvDs.NVDS_META_STRING, Is.EqualTo("nvdsmeta"));
            Assert.That((int)NvOSD_Mode.MODE_NONE, Is.EqualTo(2));
        });
    }

    [Test]
    public void GStreamer_flags_enums_are_flags_with_C_values()
    {
        Assert.Multiple(() =>
        {
            Assert.That(typeof(GstPadProbeType).IsDefined(typeof(FlagsAttribute), false), Is.True);
            Assert.That(typeof(GstMapFlags).IsDefined(typeof(FlagsAttribute), false), Is.True);
            Assert.That(typeof(GstState).IsDefined(typeof(FlagsAttribute), false), Is.False);
            Assert.That((uint)GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER, Is.EqualTo(1u << 4));
            Assert.That((int)GstMessageType.GST_MESSAGE_EOS, Is.EqualTo(1));
            Assert.That((int)GstState.GST_STATE_PLAYING, Is.EqualTo(4));
            Assert.That(Gst.GST_PADDING, Is.EqualTo(4));
            Assert.That(GLib.G_TYPE_INT, Is.EqualTo(24UL));
        });
    }
}
