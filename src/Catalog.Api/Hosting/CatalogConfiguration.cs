using Catalog.Core;

namespace Catalog.Api.Hosting;

/// <summary>Command-line options every verb shares, applied on top of appsettings and environment.</summary>
public sealed record CommonSettings(string? DataDirectory, IReadOnlyList<string> HostArgs)
{
    public void ApplyTo(IConfigurationBuilder configuration)
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{CatalogOptions.Section}:{nameof(CatalogOptions.DataDirectory)}"] = DataDirectory,
            });
        }
    }
}
