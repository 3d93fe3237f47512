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

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresCatalogDbContext</c> build the model (no server needed).</summary>
internal sealed class DesignTimePostgresContextFactory : IDesignTimeDbContextFactory<PostgresCatalogDbContext>
{
    public PostgresCatalogDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresCatalogDbContext>();
        StoreServiceCollectionExtensions.ConfigurePostgres(options, "Host=127.0.0.1;Database=catalog_design_time");
        return new PostgresCatalogDbContext(options.Options, TimeProvider.System);
    }
}
