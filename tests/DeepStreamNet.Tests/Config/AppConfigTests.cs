using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>Every group and key of spec §5 reads into the typed model, with deepstream-app's defaults and path rules.</summary>
public sealed class AppConfigTests
{
    private static AppConfigResult LoadApp(TempConfigDir dir, string text, params string[] overrides)
    {
        dir.WriteInfer();
        return AppConfigLoader.Load(dir.Write("app.txt", text), overrides);
    }

    private static string AllKeys => $$"""
        [application]
        enable-perf-measurement=1
        perf-measurement-interval-sec=3
        gie-kitti-output-dir=kitti
        kitti-track-output-dir=/tmp
        reid-track-output-dir=/tmp

        [tiled-display]
        enable=2
        rows=2
        columns=3
        width=1920
        height=1080
        gpu-id=1
        nvbuf-memory-type=2
        compute-hw=1
        buffer-pool-size=6

        [source0]
        enable=1
        type=4
        uri=rtsp://cam/1
        num-sources=2
        gpu-id=1
        camera-width=640
        camera-height=480
        camera-fps-n=15
        camera-fps-d=2
        camera-csi-sensor-id=3
        camera-v4l2-dev-node=4
        camera-id=77
        source-id=5
        latency=250
        intra-decode-enable=1
        low-latency-decode=1
        num-decode-surfaces=20
        num-extra-surfaces=3
        drop-frame-interval=2
        select-rtp-protocol=4
        rtsp-reconnect-interval-sec=9
        rtsp-reconnect-attempts=4
        udp-buffer-size=200000
        cudadec-memtype=1
        nvbuf-memory-type=3
        video-format=RGBA
        alsa-device=hw:0
        smart-record=0
        smart-rec-dir-path=/tmp
        smart-rec-file-prefix=cam
        smart-rec-cache=12
        smart-rec-container=1
        smart-rec-start-time=2
        smart-rec-default-duration=20
        smart-rec-duration=8
        smart-rec-interval=30

        [streammux]
        gpu-id=1
        batch-size=2
        batched-push-timeout=33000
        width=1280
        height=720
        enable-padding=1
        live-source=1
        nvbuf-memory-type=2
        buffer-pool-size=8
        attach-sys-ts-as-ntp=0
        num-surfaces-per-frame=2
        sync-inputs=1
        max-latency=5000000000
        frame-num-reset-on-eos=true
        frame-num-reset-on-stream-reset=1
        frame-duration=40000000
        async-process=false
        drop-pipeline-eos=true

        [primary-gie]
        enable=1
        config-file=infer.txt
        model-engine-file=model.engine
        labelfile-path=labels.txt
        batch-size=2
        interval=1
        gie-unique-id=4
        gpu-id=1
        nvbuf-memory-type=1
        bbox-border-color=0;0;1;1
        bbox-border-color0=0;1;0;1
        bbox-border-color1=1;0;0;1
        bbox-bg-color=0;0;0;0.5
        bbox-bg-color1=1;0;0;0.2
        infer-raw-output-dir=/tmp
        plugin-type=0
        input-tensor-meta=false

        [tracker]
        enable=1
        tracker-width=640
        tracker-height=384
        gpu-id=1
        ll-lib-file=/opt/lib/libnvds_nvmultiobjecttracker.so
        ll-config-file=tracker.yml
        tracking-surface-type=1
        display-tracking-id=0
        tracking-id-reset-mode=2
        input-tensor-meta=true
        tensor-meta-gie-id=4
        compute-hw=1
        user-meta-pool-size=32

        [osd]
        enable=1
        gpu-id=1
        process-mode=1
        border-width=4
        text-size=18
        text-color=1;1;1;1;
        text-bg-color=0.3;0.3;0.3;1
        font=Arial
        show-clock=1
        clock-x-offset=10
        clock-y-offset=20
        clock-text-size=12
        clock-color=1;0;0;1
        hw-blend-color-attr=3,1.0,1.0,0.0,0.3:
        nvbuf-memory-type=2
        display-text=0
        display-bbox=true
        display-mask=1

        [sink0]
        enable=1
        type=4
        sync=1
        qos=true
        width=800
        height=600
        source-id=1
        link-to-demux=1
        gpu-id=1
        nvbuf-memory-type=2
        container=2
        codec=2
        enc-type=1
        output-io-mode=2
        bitrate=3000000
        profile=1
        iframeinterval=25
        output-file=out.mkv
        copy-meta=1
        sw-preset=3
        rtsp-port=9554
        udp-port=5600
        udp-buffer-size=600000
        conn-id=1
        plane-id=2
        set-mode=1
        color-range=0

        [sink1]
        enable=1
        type=6
        msg-conv-config=infer.txt
        msg-conv-payload-type=1
        msg-conv-msg2p-lib=infer.txt
        msg-conv-comp-id=2
        debug-payload-dir=/tmp
        multiple-payloads=true
        msg-conv-msg2p-new-api=1
        msg-conv-frame-interval=10
        msg-broker-proto-lib=/opt/lib/libnvds_kafka_proto.so
        msg-broker-conn-str=localhost;9092
        topic=events
        msg-broker-config=infer.txt
        msg-broker-comp-id=3
        disable-msgconv=0
        new-api=1

        [message-converter]
        enable=1
        msg-conv-config=infer.txt
        msg-conv-payload-type=257
        msg-conv-frame-interval=5

        [message-consumer0]
        enable=1
        config-file=infer.txt
        proto-lib=/opt/lib/libnvds_kafka_proto.so
        conn-str=localhost;9092
        sensor-list-file=infer.txt
        subscribe-topic-list=a;b;

        [nvds-analytics]
        enable=1
        config-file=infer.txt

        [pre-process]
        enable=1
        config-file=infer.txt
        operate-on-gie-id=1

        [ds-example]
        enable=1
        full-frame=0
        processing-width=320
        processing-height=240
        blur-objects=true
        unique-id=15
        gpu-id=0

        [dewarper0]
        enable=1
        config-file=infer.txt
        source-id=0
        num-output-buffers=4

        [segvisual]
        enable=1
        width=640
        height=480
        batch-size=2

        [img-save]
        enable=1
        output-folder-path=/tmp
        min-confidence=0.5
        max-confidence=1.0
        min-box-width=10

        [tests]
        file-loop=1
        pipeline-recreate-sec=30
        """;

    [Test]
    public void Every_group_and_key_reads_into_the_model()
    {
        using var dir = new TempConfigDir();
        var r = LoadApp(dir, AllKeys);
        Assert.That(r.Report.Issues.Where(i => i.Message.StartsWith("Unknown key", StringComparison.Ordinal) || i.Message.Contains("cannot be interpreted")), Is.Empty, r.Report.ToString());
        var c = r.Config!;
        var d = dir.Path;
        Assert.Multiple(() =>
        {
            Assert.That(c.Application, Is.EqualTo(new ApplicationGroup { EnablePerfMeasurement = true, PerfMeasurementIntervalSec = 3, GieKittiOutputDir = d + "/kitti", KittiTrackOutputDir = "/tmp", ReidTrackOutputDir = "/tmp" }));
            Assert.That(c.TiledDisplay, Is.EqualTo(new TiledDisplayGroup { Mode = TilerMode.TilerAndDemux, Rows = 2, Columns = 3, Width = 1920, Height = 1080, GpuId = 1, NvbufMemoryType = 2, ComputeHw = 1, BufferPoolSize = 6 }));

            var s = c.Sources.Single();
            Assert.That(s.Type, Is.EqualTo(SourceType.Rtsp));
            Assert.That((s.Uri, s.NumSources, s.GpuId, s.CameraWidth, s.CameraHeight, s.CameraFpsN, s.CameraFpsD), Is.EqualTo(("rtsp://cam/1", 2, 1, 640, 480, 15, 2)));
            Assert.That((s.CameraCsiSensorId, s.CameraV4L2DevNode, s.CameraId, s.SourceId, s.Latency), Is.EqualTo((3, 4, 77, (int?)5, 250)));
            Assert.That((s.IntraDecodeEnable, s.LowLatencyDecode, s.NumDecodeSurfaces, s.NumExtraSurfaces, s.DropFrameInterval), Is.EqualTo((true, true, 20, 3, 2)));
            Assert.That((s.SelectRtpProtocol, s.RtspReconnectIntervalSec, s.RtspReconnectAttempts, s.UdpBufferSize, s.CudadecMemType, s.NvbufMemoryType), Is.EqualTo((4, 9, 4, 200000, 1, 3)));
            Assert.That((s.VideoFormat, s.AlsaDevice, s.SmartRecord, s.SmartRecDirPath, s.SmartRecFilePrefix, s.SmartRecCache), Is.EqualTo(("RGBA", "hw:0", 0, "/tmp", "cam", 12)));
            Assert.That((s.SmartRecContainer, s.SmartRecStartTime, s.SmartRecDefaultDuration, s.SmartRecDuration, s.SmartRecInterval), Is.EqualTo((1, 2, 20, 8, 30)));
            Assert.That(s.InstanceCount, Is.EqualTo(1), "num-sources only multiplies type 3");

            var m = c.StreamMux;
            Assert.That((m.GpuId, m.BatchSize, m.BatchedPushTimeout, m.Width, m.Height, m.EnablePadding, m.LiveSource), Is.EqualTo((1, 2, 33000, 1280, 720, true, true)));
            Assert.That((m.NvbufMemoryType, m.BufferPoolSize, m.AttachSysTsAsNtp, m.NumSurfacesPerFrame, m.SyncInputs, m.MaxLatency), Is.EqualTo((2, 8, false, 2, true, 5000000000L)));
            Assert.That((m.FrameNumResetOnEos, m.FrameNumResetOnStreamReset, m.FrameDuration, m.AsyncProcess, m.DropPipelineEos), Is.EqualTo((true, true, 40000000L, false, true)));

            var g = c.PrimaryGie!;
            Assert.That((g.ConfigFile, g.ModelEngineFile, g.LabelFilePath), Is.EqualTo((d + "/infer.txt", d + "/model.engine", d + "/labels.txt")));
            Assert.That((g.BatchSize, g.Interval, g.GieUniqueId, g.GpuId, g.NvbufMemoryType, g.PluginType, g.InputTensorMeta), Is.EqualTo(((int?)2, (int?)1, (int?)4, 1, 1, 0, (bool?)false)));
            Assert.That(g.BboxBorderColor, Is.EqualTo(new Rgba(0, 0, 1, 1)));
            Assert.That(g.BboxBorderColors, Is.EqualTo(new Dictionary<int, Rgba> { [0] = new(0, 1, 0, 1), [1] = new(1, 0, 0, 1) }));
            Assert.That(g.BboxBgColor, Is.EqualTo(new Rgba(0, 0, 0, 0.5)));
            Assert.That(g.BboxBgColors, Is.EqualTo(new Dictionary<int, Rgba> { [1] = new(1, 0, 0, 0.2) }));
            Assert.That(g.InferRawOutputDir, Is.EqualTo("/tmp"));
            Assert.That(g.Infer, Is.Not.Null, "the nvinfer file is attached");

            var t = c.Tracker;
            Assert.That((t.Enable, t.TrackerWidth, t.TrackerHeight, t.GpuId, t.LlLibFile, t.LlConfigFile), Is.EqualTo((true, 640, 384, 1, "/opt/lib/libnvds_nvmultiobjecttracker.so", d + "/tracker.yml")));
            Assert.That((t.TrackerSurfaceType, t.DisplayTrackingId, t.TrackingIdResetMode, t.InputTensorMeta, t.TensorMetaGieId, t.ComputeHw, t.UserMetaPoolSize), Is.EqualTo((1, false, 2, true, 4, 1, 32)));

            var o = c.Osd;
            Assert.That((o.Enable, o.GpuId, o.ProcessMode, o.BorderWidth, o.TextSize, o.TextColor, o.TextBgColor, o.Font), Is.EqualTo((true, 1, OsdProcessMode.Gpu, 4, 18, new Rgba(1, 1, 1, 1), (Rgba?)new Rgba(0.3, 0.3, 0.3, 1), "Arial")));
            Assert.That((o.ShowClock, o.ClockXOffset, o.ClockYOffset, o.ClockTextSize, o.ClockColor, o.HwBlendColorAttr), Is.EqualTo((true, 10, 20, 12, (Rgba?)new Rgba(1, 0, 0, 1), "3,1.0,1.0,0.0,0.3:")));
            Assert.That((o.NvbufMemoryType, o.DisplayText, o.DisplayBbox, o.DisplayMask), Is.EqualTo((2, false, true, true)));

            var k = c.Sinks[0];
            Assert.That((k.Type, k.Sync, k.Qos, k.Width, k.Height, k.SourceId, k.LinkToDemux, k.GpuId, k.NvbufMemoryType), Is.EqualTo(((SinkType?)SinkType.UdpSink, 1, (bool?)true, 800, 600, 1, true, 1, 2)));
            Assert.That((k.Container, k.Codec, k.EncType, k.OutputIoMode, k.Bitrate, k.Profile, k.IFrameInterval, k.OutputFile), Is.EqualTo(((ContainerType?)ContainerType.Mkv, (EncoderCodec?)EncoderCodec.H265, (EncoderType?)EncoderType.Software, 2, 3000000, 1, 25, "out.mkv")));
            Assert.That((k.CopyMeta, k.SwPreset, k.RtspPort, k.UdpPort, k.UdpBufferSize, k.ConnId, k.PlaneId, k.SetMode, k.ColorRange), Is.EqualTo((1, (int?)3, 9554, 5600, 600000L, 1, 2, 1, 0)));

            var b = c.Sinks[1];
            Assert.That(b.MsgConv, Is.EqualTo(new MessageConverterGroup { Enable = true, MsgConvConfig = d + "/infer.txt", MsgConvPayloadType = 1, MsgConvMsg2pLib = d + "/infer.txt", MsgConvCompId = 2, DebugPayloadDir = "/tmp", MultiplePayloads = true, MsgConvMsg2pNewApi = true, MsgConvFrameInterval = 10 }));
            Assert.That((b.MsgBrokerProtoLib, b.MsgBrokerConnStr, b.Topic, b.MsgBrokerConfig, b.MsgBrokerCompId, b.DisableMsgConv, b.NewApi), Is.EqualTo(("/opt/lib/libnvds_kafka_proto.so", "localhost;9092", "events", d + "/infer.txt", 3, false, true)));

            Assert.That(c.MessageConverter, Is.EqualTo(new MessageConverterGroup { Enable = true, MsgConvConfig = d + "/infer.txt", MsgConvPayloadType = 257, MsgConvFrameInterval = 5 }));
            Assert.That(c.MessageConsumers.Single().SubscribeTopicList, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(c.MessageConsumers.Single().SensorListFile, Is.EqualTo(d + "/infer.txt"));
            Assert.That(c.Auxiliary.Select(a => (a.Name, a.Kind)), Is.EqualTo(new[]
            {
                ("nvds-analytics", GroupKind.NvDsAnalytics), ("pre-process", GroupKind.PreProcess), ("ds-example", GroupKind.DsExample),
                ("dewarper0", GroupKind.Dewarper), ("segvisual", GroupKind.SegVisual), ("img-save", GroupKind.ImgSave),
            }));
            Assert.That(c.Auxiliary.Single(a => a.Kind == GroupKind.DsExample).Ints["processing-width"], Is.EqualTo(320));
            Assert.That(c.Tests, Is.EqualTo(new TestsGroup { FileLoop = true, PipelineRecreateSec = 30 }));
        });
    }

    [Test]
    public void Defaults_when_keys_are_absent()
    {
        using var dir = new TempConfigDir();
        var r = LoadApp(dir, "[source0]\nenable=1\ntype=2\nuri=rtsp://x/y\n[sink0]\nenable=1\ntype=1\n[osd]\nenable=1\n[tracker]\n[primary-gie]\nenable=1\nconfig-file=infer.txt\n");
        var c = r.Config!;
        Assert.Multiple(() =>
        {
            Assert.That(c.StreamMux.BatchedPushTimeout, Is.EqualTo(-1));
            Assert.That(c.StreamMux.AttachSysTsAsNtp, Is.True);
            Assert.That(c.StreamMux.AsyncProcess, Is.True);
            Assert.That(c.Sources[0].Latency, Is.EqualTo(100));
            Assert.That(c.Sources[0].NumDecodeSurfaces, Is.EqualTo(16));
            Assert.That(c.Sources[0].RtspReconnectAttempts, Is.EqualTo(-1));
            Assert.That(c.Sources[0].CameraId, Is.EqualTo(0));
            Assert.That(c.Osd.ProcessMode, Is.EqualTo(OsdProcessMode.Cpu), "deepstream-app passes 0 when process-mode is absent");
            Assert.That(c.Osd.DisplayText && c.Osd.DisplayBbox, Is.True);
            Assert.That(c.Osd.TextColor, Is.EqualTo(new Rgba(0, 0, 0, 0)));
            Assert.That(c.Tracker.Enable, Is.False);
            Assert.That(c.Tracker.DisplayTrackingId, Is.True);
            Assert.That(c.Tracker.UserMetaPoolSize, Is.EqualTo(16));
            Assert.That(c.Sinks[0].RtspPort, Is.EqualTo(8554));
            Assert.That(c.Sinks[0].UdpPort, Is.EqualTo(5000));
            Assert.That(c.Sinks[0].Qos, Is.Null, "qos is only set when given");
            Assert.That(c.PrimaryGie!.BboxBorderColor, Is.EqualTo(new Rgba(1, 0, 0, 1)));
            Assert.That(c.PrimaryGie.GieUniqueId, Is.Null);
            Assert.That(c.PrimaryGie.EffectiveUniqueId, Is.EqualTo(1), "from the nvinfer file");
            Assert.That(c.TiledDisplay.Mode, Is.EqualTo(TilerMode.Disabled));
        });
    }

    [Test]
    public void Disabled_or_enable_less_groups_are_skipped_without_reading_their_keys()
    {
        using var dir = new TempConfigDir();
        var r = LoadApp(dir, """
            [source0]
            enable=1
            type=2
            uri=rtsp://a/b
            [source1]
            enable=0
            type=banana
            [source2]
            type=2
            uri=rtsp://c/d
            [sink0]
            enable=1
            type=1
            [sink-file]
            enable=0
            bogus-key=1
            [secondary-gie0]
            enable=0
            config-file=missing.txt
            [primary-gie]
            enable=1
            config-file=infer.txt
            """);
        Assert.Multiple(() =>
        {
            Assert.That(r.Config!.Sources.Select(s => s.Name), Is.EqualTo(new[] { "source0" }));
            Assert.That(r.Config.Sinks.Select(s => s.Name), Is.EqualTo(new[] { "sink0" }));
            Assert.That(r.Config.SecondaryGies, Is.Empty);
            Assert.That(r.Report.Issues.Where(i => i.Group is "source1" or "sink-file" or "secondary-gie0"), Is.Empty);
        });
    }

    [Test]
    public void Sink_groups_are_any_name_starting_with_sink_and_sources_need_a_number()
    {
        using var dir = new TempConfigDir();
        var r = LoadApp(dir, "[source0]\nenable=1\ntype=2\nuri=rtsp://a/b\n[sink_rtsp]\nenable=1\ntype=1\n[sinkA]\nenable=1\ntype=1\n[sourceX]\nenable=1\n");
        Assert.Multiple(() =>
        {
            Assert.That(r.Config!.Sinks.Select(s => s.Name), Is.EqualTo(new[] { "sink_rtsp", "sinkA" }));
            Assert.That(r.Report.Errors.Single(w => w.Group == "sourceX").Message, Does.Contain("[sourceX] is not in the form [source<N>]"), "deepstream-app stops on it (audit V6)");
        });
    }

    [Test]
    public void Relative_paths_resolve_against_the_config_folder_without_normalisation()
    {
        using var dir = new TempConfigDir();
        var r = LoadApp(dir, "[source0]\nenable=1\ntype=2\nuri=file://../clip.mp4\n[source1]\nenable=1\ntype=2\nuri=file:/abs/clip.mp4\n[source2]\nenable=1\ntype=4\nuri=rtsp://cam/s\n[sink0]\nenable=1\ntype=3\noutput-file=out/x.mp4\n[primary-gie]\nenable=1\nconfig-file=./infer.txt\n");
        var c = r.Config!;
        Assert.Multiple(() =>
        {
            Assert.That(c.Sources[0].Uri, Is.EqualTo($"file://{dir.Path}/../clip.mp4"));
            Assert.That(c.Sources[1].Uri, Is.EqualTo("file:/abs/clip.mp4"), "file: with one slash is not resolved");
            Assert.That(c.Sources[2].Uri, Is.EqualTo("rtsp://cam/s"));
            Assert.That(c.Sinks[0].OutputFile, Is.EqualTo("out/x.mp4"), "output-file is not resolved");
            Assert.That(c.PrimaryGie!.ConfigFile, Is.EqualTo($"{dir.Path}/./infer.txt"));
        });
    }

    [Test]
    public void Multi_uri_sources_expand_with_the_index()
    {
        using var dir = new TempConfigDir();
        var r = LoadApp(dir, "[source0]\nenable=1\ntype=3\nnum-sources=3\nuri=rtsp://cam/%d\n[source1]\nenable=1\ntype=3\nnum-sources=0\nuri=rtsp://x\n[sink0]\nenable=1\ntype=1\n");
        var s = r.Config!.Sources[0];
        Assert.Multiple(() =>
        {
            Assert.That(r.Config.SourceCount, Is.EqualTo(4));
            Assert.That(Enumerable.Range(0, s.InstanceCount).Select(s.UriOf), Is.EqualTo(new[] { "rtsp://cam/0", "rtsp://cam/1", "rtsp://cam/2" }));
            Assert.That(r.Config.Sources[1].NumSources, Is.EqualTo(1), "num-sources below 1 becomes 1");
        });
    }

    [Test]
    public void Source_list_applies_attr_all_and_per_entry_overrides()
    {
        var r = AppConfigLoader.Load(ConfigTestPaths.Data("app_source_list.txt"));
        var s = r.Config!.Sources;
        Assert.Multiple(() =>
        {
            Assert.That(s.Select(x => x.Type), Is.EqualTo(new SourceType?[] { SourceType.Uri, SourceType.Rtsp }));
            Assert.That(s[0].Uri, Does.StartWith("file://" + ConfigTestPaths.ConfigData + "/../"));
            Assert.That(s.Select(x => x.Latency), Is.EqualTo(new[] { 150, 500 }));
            Assert.That(r.Report.Errors, Is.Empty, r.Report.ToString());
        });
    }

    [Test]
    public void Source_list_without_attr_all_and_count_mismatch_are_errors()
    {
        using var dir = new TempConfigDir();
        var r = LoadApp(dir, "[source-list]\nlist=rtsp://a;rtsp://b\nnum-source-bins=3\n[sink0]\nenable=1\ntype=1\n");
        Assert.That(r.Report.Errors.Select(e => e.Message), Has.Some.Contains("[source-list] requires a [source-attr-all] group"));
        var r2 = LoadApp(dir, "[source-list]\nlist=rtsp://a;rtsp://b\nnum-source-bins=3\n[source-attr-all]\nlatency=1\n[sink0]\nenable=1\ntype=1\n");
        Assert.That(r2.Report.Errors.Select(e => e.ToString()), Has.Some.Contains("[source-list] num-source-bins: error: num-source-bins is 3 but list has 2 entries"));
    }

    [Test]
    public void Set_overrides_win_and_keep_key_file_semantics()
    {
        using var dir = new TempConfigDir();
        var path = dir.WriteApp();
        var r = AppConfigLoader.Load(path, ["streammux.width=1920 #comment", "osd.enable=1", "osd.text-color=0;1;0;1;", "source0.uri=rtsp://other/x"]);
        Assert.Multiple(() =>
        {
            Assert.That(r.Config!.StreamMux.Width, Is.EqualTo(1920));
            Assert.That(r.Config.Osd.Enable, Is.True);
            Assert.That(r.Config.Osd.TextColor, Is.EqualTo(new Rgba(0, 1, 0, 1)));
            Assert.That(r.Config.Sources[0].Uri, Is.EqualTo("rtsp://other/x"));
        });
    }

    [Test]
    public void Bad_set_value_points_at_the_command_line()
    {
        using var dir = new TempConfigDir();
        var r = AppConfigLoader.Load(dir.WriteApp(), ["streammux.width=1920", "streammux.height=720p"]);
        Assert.That(r.Report.Errors.Single().ToString(), Is.EqualTo("command line --set:2: [streammux] height: error: value '720p' cannot be interpreted as a number"));
    }

    [Test]
    public void Environment_overrides_are_read_in_name_order()
    {
        Environment.SetEnvironmentVariable("DSNET_SET_1", "osd.enable=1");
        Environment.SetEnvironmentVariable("DSNET_SET_0", "osd.enable=0");
        try
        {
            Assert.That(AppConfigLoader.OverridesFromEnvironment(), Is.EqualTo(new[] { "DSNET_SET_0\0osd.enable=0", "DSNET_SET_1\0osd.enable=1" }));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DSNET_SET_1", null);
            Environment.SetEnvironmentVariable("DSNET_SET_0", null);
        }
    }

    /// <summary>Issue 18 (minor): an error in a <c>DSNET_SET_*</c> variable names the variable, not "command line --set";
    /// the --set options after it keep their own numbering.</summary>
    [Test]
    public void An_error_in_an_environment_override_names_the_variable()
    {
        Environment.SetEnvironmentVariable("DSNET_SET_7", "osd.border-width=5px");
        try
        {
            using var dir = new TempConfigDir();
            var r = AppConfigLoader.Load(dir.WriteApp(), [.. AppConfigLoader.OverridesFromEnvironment(), "streammux.height=720p"]);
            Assert.That(r.Report.Errors.Select(e => e.ToString()), Is.EquivalentTo(new[]
            {
                "environment DSNET_SET_7: [osd] border-width: error: value '5px' cannot be interpreted as a number",
                "command line --set:1: [streammux] height: error: value '720p' cannot be interpreted as a number",
            }));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DSNET_SET_7", null);
        }
    }

    [Test]
    public void Nvinfer_class_attributes_follow_their_precedence()
    {
        using var dir = new TempConfigDir();
        dir.WriteInfer("infer.txt", "[class-attrs-all]\npre-cluster-threshold=0.4\neps=0.7\nminBoxes=1\n[class-attrs-1]\neps=0.3\nborder-color=0;1;0;1\n");
        var report = new ValidationReport();
        var cfg = NvInferConfig.Load(Path.Combine(dir.Path, "infer.txt"), report)!;
        Assert.Multiple(() =>
        {
            Assert.That(cfg.Classes, Has.Count.EqualTo(2));
            Assert.That((cfg.Classes[0].PreClusterThreshold, cfg.Classes[0].Eps, cfg.Classes[0].MinBoxes, cfg.Classes[0].BorderColor), Is.EqualTo((0.4, 0.7, 1, new Rgba(1, 0, 0, 1))));
            Assert.That((cfg.Classes[1].PreClusterThreshold, cfg.Classes[1].Eps, cfg.Classes[1].MinBoxes, cfg.Classes[1].BorderColor), Is.EqualTo((0.4, 0.3, 1, new Rgba(0, 1, 0, 1))));
            Assert.That(cfg.OnnxFile, Is.EqualTo(ConfigTestPaths.UltraFace640));
            Assert.That(report.Errors, Is.Empty, report.ToString());
        });
    }
}
