namespace DeepStreamNet.Config;

/// <summary>Detection attributes of one class after applying defaults → [class-attrs-all] → [class-attrs-&lt;id&gt;].</summary>
public sealed record ClassAttributes
{
    public double PreClusterThreshold { get; init; } = ClassAttrKeys.PreClusterThreshold.Default;

    public double PostClusterThreshold { get; init; }

    public double Eps { get; init; }

    public int MinBoxes { get; init; }

    public double DbscanMinScore { get; init; }

    public int GroupThreshold { get; init; }

    public double NmsIouThreshold { get; init; } = ClassAttrKeys.NmsIouThreshold.Default;

    public int TopK { get; init; } = ClassAttrKeys.TopK.Default;

    public int RoiTopOffset { get; init; }

    public int RoiBottomOffset { get; init; }

    public int DetectedMinW { get; init; }

    public int DetectedMinH { get; init; }

    public int DetectedMaxW { get; init; }

    public int DetectedMaxH { get; init; }

    public Rgba BorderColor { get; init; } = ClassAttrKeys.BorderColor.Default!.Value;

    public Rgba? BgColor { get; init; }

    /// <summary>Overrides only the keys present in <paramref name="r"/>.</summary>
    internal ClassAttributes Apply(GroupReader r) => this with
    {
        PreClusterThreshold = r.Has(ClassAttrKeys.PreClusterThreshold.Name) ? r.Value(ClassAttrKeys.PreClusterThreshold, PreClusterThreshold) : r.Value(ClassAttrKeys.Threshold) ?? PreClusterThreshold,
        PostClusterThreshold = r.Value(ClassAttrKeys.PostClusterThreshold, PostClusterThreshold),
        Eps = r.Value(ClassAttrKeys.Eps, Eps),
        MinBoxes = r.Value(ClassAttrKeys.MinBoxes, MinBoxes),
        DbscanMinScore = r.Value(ClassAttrKeys.DbscanMinScore, DbscanMinScore),
        GroupThreshold = r.Value(ClassAttrKeys.GroupThreshold, GroupThreshold),
        NmsIouThreshold = r.Value(ClassAttrKeys.NmsIouThreshold, NmsIouThreshold),
        TopK = r.Value(ClassAttrKeys.TopK, TopK),
        RoiTopOffset = r.Value(ClassAttrKeys.RoiTopOffset, RoiTopOffset),
        RoiBottomOffset = r.Value(ClassAttrKeys.RoiBottomOffset, RoiBottomOffset),
        DetectedMinW = r.Value(ClassAttrKeys.DetectedMinW, DetectedMinW),
        DetectedMinH = r.Value(ClassAttrKeys.DetectedMinH, DetectedMinH),
        DetectedMaxW = r.Value(ClassAttrKeys.DetectedMaxW, DetectedMaxW),
        DetectedMaxH = r.Value(ClassAttrKeys.DetectedMaxH, DetectedMaxH),
        BorderColor = r.Value(ClassAttrKeys.BorderColor, BorderColor) ?? BorderColor,
        BgColor = r.Value(ClassAttrKeys.BgColor, BgColor),
    };
}
