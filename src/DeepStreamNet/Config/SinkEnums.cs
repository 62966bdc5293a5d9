namespace DeepStreamNet.Config;

/// <summary><c>[sink*] container</c>.</summary>
public enum ContainerType
{
    Mp4 = 1,
    Mkv = 2,
}

/// <summary><c>[sink*] codec</c>.</summary>
public enum EncoderCodec
{
    H264 = 1,
    H265 = 2,
    Mpeg4 = 3,
}

/// <summary><c>[sink*] enc-type</c>.</summary>
public enum EncoderType
{
    Hardware = 0,
    Software = 1,
}
