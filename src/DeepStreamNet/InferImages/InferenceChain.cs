using System.Globalization;
using System.Text;
using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.InferImages;

/// <summary>The inference part of a deepstream-app config as gst-launch text: primary GIE then the secondaries, on dsnetinfer.</summary>
public sealed record InferenceChain(string PrimaryConfig, int PrimaryUniqueId, int? PrimaryBatchSize, IReadOnlyList<GieGroup> Secondaries, string ConfigDirectory)
{
    /// <summary>Reads the chain of <paramref name="appConfigPath"/> from its plan for the portable backend (what
    /// infer-images runs); errors name the file, group and key. <paramref name="scaleToMuxer"/>: every image is scaled
    /// to the [streammux] size (as deepstream-app scales its sources), not only with a [pre-process].</summary>
    /// <exception cref="InvalidDataException">No enabled [primary-gie], or its group has errors.</exception>
    public static InferenceChain FromAppConfig(string appConfigPath, bool scaleToMuxer = false) =>
        FromPlan(PipelinePlan.Create(appConfigPath, backend: PipelineBackend.Portable), appConfigPath, scaleToMuxer);

    /// <summary>As <see cref="FromAppConfig"/>, from a portable-backend plan of <paramref name="appConfigPath"/> the caller
    /// already made (and uses for more than the chain).</summary>
    /// <exception cref="InvalidDataException">The plan has no config, no enabled [primary-gie], or GIE errors.</exception>
    public static InferenceChain FromPlan(PipelinePlan plan, string appConfigPath, bool scaleToMuxer = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var config = plan.Config ?? throw new InvalidDataException($"{appConfigPath}: cannot be read:{Environment.NewLine}{plan.Report}");
        var gieErrors = plan.Report.Errors.Where(e => e.Group is not null && e.Group.Contains("gie", StringComparison.Ordinal)).ToList();
        if (gieErrors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, gieErrors.Select(e => e.ToDisplayString())));
        }

        var primary = config.PrimaryGie ?? throw new InvalidDataException($"{appConfigPath}: no enabled [primary-gie] group: nothing to infer with");
        if (string.IsNullOrEmpty(primary.ConfigFile))
        {
            throw new InvalidDataException($"{appConfigPath}: [primary-gie] config-file is not set");
        }

        var preprocess = config.Auxiliary.FirstOrDefault(a => a.Kind == GroupKind.PreProcess && a.Enable && a.ConfigFile is not null);
        return new InferenceChain(
            Path.GetFullPath(Path.Combine(config.Directory, primary.ConfigFile)),
            primary.EffectiveUniqueId,
            primary.BatchSize,
            config.SecondaryGies.Where(s => !string.IsNullOrEmpty(s.ConfigFile)).ToList(),
            config.Directory)
        {
            PreprocessConfig = preprocess?.ConfigFile,
            PrimaryInputTensorMeta = primary.InputTensorMeta == true,
            // ROIs are in muxer pixels: with a [pre-process] every image is scaled to the [streammux] size, as deepstream-app scales its sources
            FrameSize = (preprocess is not null || scaleToMuxer) && config.StreamMux is { Width: > 0, Height: > 0 } m ? (m.Width, m.Height) : null,
            // without ROIs, the muxer's enable-padding=1 scaling minus the black bands: the same pixels per face
            KeepAspect = preprocess is null && scaleToMuxer,
        };
    }

    /// <summary>The nvdspreprocess config of an enabled [pre-process] group (run as dsnetpreprocess before the primary GIE), or null.</summary>
    public string? PreprocessConfig { get; init; }

    /// <summary>[primary-gie] input-tensor-meta=1: the primary GIE infers the preprocess tensors.</summary>
    public bool PrimaryInputTensorMeta { get; init; }

    /// <summary>Muxer size every image is scaled to (with a [pre-process]); null = each image at its own size.</summary>
    public (int Width, int Height)? FrameSize { get; init; }

    /// <summary>Scale each image into <see cref="FrameSize"/> keeping its aspect ratio (the frame is the scaled image).</summary>
    public bool KeepAspect { get; init; }

    /// <summary>The muxer frame for an image of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public (int Width, int Height) MuxerFrame(int width, int height)
    {
        if (FrameSize is not { } f)
        {
            return (width, height);
        }

        if (!KeepAspect)
        {
            return f;
        }

        var k = Math.Min((double)f.Width / width, (double)f.Height / height);
        return (Math.Max(1, (int)Math.Round(width * k)), Math.Max(1, (int)Math.Round(height * k)));
    }

    /// <summary>The gst-launch text of the chain: <c>dsnetinfer name=primary_gie … [! dsnetinfer name=secondary_gie_N …]</c>.</summary>
    public string ToLaunch()
    {
        var b = new StringBuilder();
        if (PreprocessConfig is not null)
        {
            b.Append(CultureInfo.InvariantCulture, $"dsnetpreprocess name=preprocess config-file={ImageDecoder.Quote(PreprocessConfig)} ! ");
        }

        b.Append(CultureInfo.InvariantCulture, $"dsnetinfer name=primary_gie process-mode=primary unique-id={PrimaryUniqueId} config-file-path={ImageDecoder.Quote(PrimaryConfig)}");
        if (PrimaryInputTensorMeta)
        {
            b.Append(" input-tensor-meta=true");
        }

        var i = 0;
        foreach (var s in Secondaries)
        {
            var path = Path.GetFullPath(Path.Combine(ConfigDirectory, s.ConfigFile!));
            b.Append(CultureInfo.InvariantCulture, $" ! dsnetinfer name=secondary_gie_{i++} process-mode=secondary unique-id={s.EffectiveUniqueId} config-file-path={ImageDecoder.Quote(path)}");
            if (s.OperateOnGieId is { } g)
            {
                b.Append(CultureInfo.InvariantCulture, $" infer-on-gie-id={g}");
            }

            if (s.OperateOnClassIds is { Count: > 0 } ids)
            {
                b.Append(" infer-on-class-ids=\"").Append(string.Join(':', ids)).Append('"');
            }
        }

        return b.ToString();
    }
}
