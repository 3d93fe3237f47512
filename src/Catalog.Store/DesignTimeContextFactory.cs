using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Catalog.Store;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteCatalogDbContext</c> build the model.</summary>
internal sealed class DesignTimeSqliteContextFactory : IDesignTimeDbContextFactory<SqliteCatalogDbContext>
{
    public SqliteCatalogDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteCatalogDbContext>();
        StoreServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteCatalogDbContext(options.Options, TimeProvider.System);
    }
}
