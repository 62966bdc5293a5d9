namespace DeepStreamNet.Config;

/// <summary>Keys of an nvinfer file's <c>[class-attrs-all]</c> / <c>[class-attrs-N]</c> groups; the defaults are nvinfer's.</summary>
public static class ClassAttrKeys
{
    public static readonly Key<double> PreClusterThreshold = Declare.Double("pre-cluster-threshold", 0.2, min: 0);

    /// <summary>Deprecated name of <see cref="PreClusterThreshold"/>.</summary>
    public static readonly Key<double?> Threshold = Declare.OptionalDouble("threshold", min: 0);
    public static readonly Key<double> PostClusterThreshold = Declare.Double("post-cluster-threshold", 0, min: 0);
    public static readonly Key<double> Eps = Declare.Double("eps", 0, min: 0);
    public static readonly Key<int> MinBoxes = Declare.Int("minBoxes", 0, min: 0);
    public static readonly Key<double> DbscanMinScore = Declare.Double("dbscan-min-score", 0, min: 0);
    public static readonly Key<int> GroupThreshold = Declare.Int("group-threshold", 0, min: 0);
    public static readonly Key<double> NmsIouThreshold = Declare.Double("nms-iou-threshold", 0.3, min: 0, max: 1);

    /// <summary>−1 (the default) keeps every box.</summary>
    public static readonly Key<int> TopK = Declare.Int("topk", -1, min: -1);
    public static readonly Key<int> RoiTopOffset = Declare.Int("roi-top-offset", 0, min: 0);
    public static readonly Key<int> RoiBottomOffset = Declare.Int("roi-bottom-offset", 0, min: 0);
    public static readonly Key<int> DetectedMinW = Declare.Int("detected-min-w", 0, min: 0);
    public static readonly Key<int> DetectedMinH = Declare.Int("detected-min-h", 0, min: 0);
    public static readonly Key<int> DetectedMaxW = Declare.Int("detected-max-w", 0, min: 0);
    public static readonly Key<int> DetectedMaxH = Declare.Int("detected-max-h", 0, min: 0);
    public static readonly Key<Rgba?> BorderColor = Declare.Colour("border-color", new Rgba(1, 0, 0, 1));
    public static readonly Key<Rgba?> BgColor = Declare.Colour("bg-color");

    public static readonly KeySpec[] All =
    [
        PreClusterThreshold, Threshold, PostClusterThreshold, Eps, MinBoxes, DbscanMinScore, GroupThreshold, NmsIouThreshold, TopK,
        RoiTopOffset, RoiBottomOffset, DetectedMinW, DetectedMinH, DetectedMaxW, DetectedMaxH, BorderColor, BgColor,
    ];
}
