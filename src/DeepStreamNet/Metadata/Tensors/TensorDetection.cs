namespace DeepStreamNet.Metadata;

/// <summary>One box decoded from raw tensors (pyds samples' <c>NvDsInferObjectDetectionInfo</c>), in network-input pixels until mapped.</summary>
public readonly record struct TensorDetection(int ClassId, float Confidence, RectF Box)
{
    /// <summary>
    /// The box in frame pixels (nvinfer's back-mapping, nvinfer-config spec §8.1): the network input was the whole
    /// <paramref name="frameWidth"/> × <paramref name="frameHeight"/> frame, stretched — or, with
    /// <paramref name="maintainAspectRatio"/>, scaled by one ratio and padded right/bottom; negative left/top become 0.
    /// </summary>
    public TensorDetection ToFrame(int frameWidth, int frameHeight, int networkWidth, int networkHeight, bool maintainAspectRatio = false)
    {
        float rx = (float)networkWidth / frameWidth, ry = (float)networkHeight / frameHeight;
        if (maintainAspectRatio)
        {
            rx = ry = Math.Min(rx, ry);
        }

        return this with { Box = new RectF(Math.Max(0, Box.Left / rx), Math.Max(0, Box.Top / ry), Box.Width / rx, Box.Height / ry) };
    }
}
