namespace DeepStreamNet.Datasets.Mat;

/// <summary>MATLAB array classes (mxCLASS values of the Array Flags sub-element, MAT-file v5).</summary>
#pragma warning disable CA1720 // The members are MATLAB's own class names (mxDOUBLE_CLASS, …); type-like names are the point.
public enum MatClass
{
    Cell = 1,
    Struct = 2,
    Object = 3,
    Char = 4,
    Sparse = 5,
    Double = 6,
    Single = 7,
    Int8 = 8,
    UInt8 = 9,
    Int16 = 10,
    UInt16 = 11,
    Int32 = 12,
    UInt32 = 13,
    Int64 = 14,
    UInt64 = 15,
}
#pragma warning restore CA1720
