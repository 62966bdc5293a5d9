using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeepStreamNet.Probes;

/// <summary>Registers batch probes in DI: <c>services.AddBatchProbe&lt;MaskCounter&gt;(ProbeTarget.At(ProbeAttachPoint.AfterTracker))</c>.</summary>
public static class ProbeServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TProbe"/> (a singleton, constructed by DI) at <paramref name="target"/>.</summary>
    public static IServiceCollection AddBatchProbe<TProbe>(this IServiceCollection services, ProbeTarget target)
        where TProbe : class, IBatchProbe
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TProbe>();
        services.AddSingleton(new ProbeBinding(target, sp => sp.GetRequiredService<TProbe>()));
        return services;
    }

    /// <summary>Registers a delegate probe at <paramref name="target"/>.</summary>
    public static IServiceCollection AddBatchProbe(this IServiceCollection services, ProbeTarget target, BatchProbe probe)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(probe);
        var p = new DelegateBatchProbe(probe);
        services.AddSingleton(new ProbeBinding(target, _ => p));
        return services;
    }
}
