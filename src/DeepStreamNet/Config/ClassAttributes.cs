namespace DeepStreamNet.Config;

/// <summary>Detection attributes of one class after applying defaults → [class-attrs-all] → [class-attrs-&lt;id&gt;].</summary>
public sealed record ClassAttributes
{
    public double PreClusterThreshold { get; init; } = 0.2;

    public double PostClusterThreshold { get; init; }

    public double Eps { get; init; }

    public int MinBoxes { get; init; }

    public double DbscanMinScore { get; init; }

    public int GroupThreshold { get; init; }

    public double NmsIouThreshold { get; init; } = 0.3;

    public int TopK { get; init; } = -1;

    public int RoiTopOffset { get; init; }

    public int RoiBottomOffset { get; init; }

    public int DetectedMinW { get; init; }

    public int DetectedMinH { get; init; }

    public int DetectedMaxW { get; init; }

    public int DetectedMaxH { get; init; }

    public Rgba BorderColor { get; init; } = new(1, 0, 0, 1);

    public Rgba? BgColor { get; init; }

    /// <summary>Overrides only the keys present in <paramref name="r"/>.</summary>
    internal ClassAttributes Apply(GroupReader r) => this with
    {
        PreClusterThreshold = r.GetDouble("pre-cluster-threshold") ?? r.GetDouble("threshold") ?? PreClusterThreshold,
        PostClusterThreshold = r.GetDouble("post-cluster-threshold") ?? PostClusterThreshold,
        Eps = r.GetDouble("eps") ?? Eps,
        MinBoxes = r.GetInt("minBoxes") ?? MinBoxes,
        DbscanMinScore = r.GetDouble("dbscan-min-score") ?? DbscanMinScore,
        GroupThreshold = r.GetInt("group-threshold") ?? GroupThreshold,
        NmsIouThreshold = r.GetDouble("nms-iou-threshold") ?? NmsIouThreshold,
        TopK = r.GetInt("topk") ?? TopK,
        RoiTopOffset = r.GetInt("roi-top-offset") ?? RoiTopOffset,
        RoiBottomOffset = r.GetInt("roi-bottom-offset") ?? RoiBottomOffset,
        DetectedMinW = r.GetInt("detected-min-w") ?? DetectedMinW,
        DetectedMinH = r.GetInt("detected-min-h") ?? DetectedMinH,
        DetectedMaxW = r.GetInt("detected-max-w") ?? DetectedMaxW,
        DetectedMaxH = r.GetInt("detected-max-h") ?? DetectedMaxH,
        BorderColor = r.GetColour("border-color") ?? BorderColor,
        BgColor = r.GetColour("bg-color") ?? BgColor,
    };
}
