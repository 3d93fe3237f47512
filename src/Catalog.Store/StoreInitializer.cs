using Catalog.Core;
using Microsoft.Extensions.Options;

namespace Catalog.Store;

/// <summary>Creates the data directory and brings the store to the latest migration (never EnsureCreated).</summary>
public sealed class StoreInitializer(ICatalogDbFactory factory, IOptions<CatalogOptions> catalog)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetFullPath(catalog.Value.DataDirectory));
        await using var db = factory.Create();
        await db.MigrateAsync(cancellationToken);
    }
}
