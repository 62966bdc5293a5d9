namespace DeepStreamNet.Datasets.Evaluation;

/// <summary>Format of the ground-truth folder.</summary>
public enum GroundTruthFormat
{
    /// <summary>KITTI label files (<c>&lt;stem&gt;.txt</c>, 15 fields).</summary>
    Kitti,

    /// <summary>Pascal-VOC XML files (<c>&lt;stem&gt;.xml</c>).</summary>
    Voc,
}
