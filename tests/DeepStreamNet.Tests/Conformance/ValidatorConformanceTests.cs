using NUnit.Framework;
using static DeepStreamNet.Tests.Conformance.Conformance;

namespace DeepStreamNet.Tests.Conformance;

/// <summary>Configs deepstream-app 6.3's parser rejects or accepts, judged the same way (audit §3.2-3.3).</summary>
public sealed class ValidatorConformanceTests
{
    private const string Tiled = "tracker_sgie_tiled.txt";

    [TestCase("sources")]
    [TestCase("source-0")]
    [TestCase("dewarper")]
    public void V6_group_names_that_are_not_source_N_stop_deepstream_app_config_parser_c_338_348(string group)
    {
        var r = Report(Tiled, $"{group}.enable=1");
        Assert.That(Errors(r).Select(e => e.Message), Has.Some.Contains($"[{group}] is not in the form"), r.ToString());
    }

    [Test]
    public void V7_source_list_entries_other_than_file_rtsp_usb_csi_are_rejected_config_parser_c_141_178()
    {
        string[] list = ["source0.enable=0", "source-list.num-source-bins=2", "source-attr-all.enable=1"];
        var bad = Report(Tiled, [.. list, "source-list.list=file:///media/a.mp4;http://camera.local/stream"]);
        var good = Report(Tiled, [.. list, "source-list.list=file:///media/a.mp4;rtsp://camera.local/stream"]);
        Assert.Multiple(() =>
        {
            Assert.That(Errors(bad).Select(e => e.Message), Has.Some.Contains("Incorrect URI for camera source"));
            Assert.That(Errors(good).Where(e => e.Key == "list"), Is.Empty, good.ToString());
        });
    }

    [Test]
    public void V8_gie_unique_ids_are_compared_as_written_in_the_app_config_config_parser_c_531_548()
    {
        var (_, filesOnly) = BuildEdited(Tiled, t => t.Replace("gie-unique-id=", "#gie-unique-id=", StringComparison.Ordinal).Replace("[secondary-gie1]\nenable=1", "[secondary-gie1]\nenable=0", StringComparison.Ordinal));
        var (_, written) = BuildEdited(Tiled, t => t);
        Assert.Multiple(() =>
        {
            Assert.That(Errors(filesOnly).Select(e => e.Message), Has.Some.Contains("Non unique gie ids found"), filesOnly.ToString());
            Assert.That(Errors(written).Where(e => e.Message.Contains("Non unique", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void V13_img_save_intervals_are_doubles_config_file_parser_c_1907_1918()
    {
        var r = Report(Tiled, "img-save.enable=1", "img-save.output-folder-path=/tmp", "img-save.save-img-full-frame=0.5", "img-save.second-to-skip-interval=1.5");
        Assert.That(Errors(r), Is.Empty, r.ToString());
    }
}
