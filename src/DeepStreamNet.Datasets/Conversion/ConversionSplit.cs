namespace DeepStreamNet.Datasets.Conversion;

/// <summary>The recipe's <c>--train</c> / <c>--val</c> choice.</summary>
public enum ConversionSplit
{
    /// <summary>Kaggle (VOC and JSON), MAFA train, FDDB, WIDER FACE train.</summary>
    Train,

    /// <summary>MAFA test and WIDER FACE val (Kaggle and FDDB have no validation part in the recipe).</summary>
    Val,
}
