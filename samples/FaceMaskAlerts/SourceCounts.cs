namespace FaceMaskAlerts;

/// <summary>Running per-source counts of detected faces by class.</summary>
public sealed class SourceCounts
{
    private long _mask;
    private long _noMask;
    private long _frames;

    /// <summary>Faces labelled <c>mask</c> so far (one per frame they appear in).</summary>
    public long Mask => Interlocked.Read(ref _mask);

    /// <summary>Faces labelled <c>no-mask</c> so far.</summary>
    public long NoMask => Interlocked.Read(ref _noMask);

    /// <summary>Frames seen.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    internal void Add(int mask, int noMask)
    {
        Interlocked.Add(ref _mask, mask);
        Interlocked.Add(ref _noMask, noMask);
        Interlocked.Increment(ref _frames);
    }

    /// <inheritdoc/>
    public override string ToString() => $"frames={Frames} mask={Mask} no-mask={NoMask}";
}
