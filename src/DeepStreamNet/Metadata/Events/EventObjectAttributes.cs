namespace DeepStreamNet.Metadata.Events;

/// <summary>
/// The object-type-specific extension of an event (<c>extMsg</c>): one record per DeepStream extension struct. The
/// event's <see cref="EventMessage.ObjectType"/> must name the matching kind (VEHICLE/VEHICLE_EXT for
/// <see cref="VehicleAttributes"/>, and so on); masks of the <c>*_EXT</c> kinds are read from native metadata but not
/// written.
/// </summary>
public abstract record EventObjectAttributes
{
    /// <summary>Polygons of a <c>*_EXT</c> object (<c>mask</c>: one list of doubles per polygon; empty when none).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Mask { get; init; } = [];
}

/// <summary><c>NvDsVehicleObject</c>.</summary>
public sealed record VehicleAttributes(string? Type, string? Make, string? Model, string? Color, string? Region, string? License) : EventObjectAttributes;

/// <summary><c>NvDsPersonObject</c>.</summary>
public sealed record PersonAttributes(string? Gender, string? Hair, string? Cap, string? Apparel, uint Age) : EventObjectAttributes;

/// <summary><c>NvDsFaceObject</c> (a masked face: <c>Cap</c>/<c>Name</c> are free text; the face-mask service puts the class label in <c>Name</c>).</summary>
public sealed record FaceAttributes(string? Gender, string? Hair, string? Cap, string? Glasses, string? FacialHair, string? Name, string? EyeColor, uint Age) : EventObjectAttributes;

/// <summary><c>NvDsProductObject</c>.</summary>
public sealed record ProductAttributes(string? Brand, string? Type, string? Shape) : EventObjectAttributes;
