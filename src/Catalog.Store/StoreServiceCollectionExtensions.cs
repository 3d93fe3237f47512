using Catalog.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store of record for the configured provider. This is the one place that knows
    /// which provider is in use; everything else asks for <see cref="CatalogDbContext"/> or
    /// <see cref="ICatalogDbFactory"/>.
    /// </summary>
    public static IServiceCollection AddCatalogStore(this IServiceCollection services, CatalogOptions catalog, StoreOptions store)
    {
        services.AddSingleton<ChangeSignal>();
        switch (store.Provider)
        {
            case StoreProvider.Sqlite:
                var connectionString = SqliteConnectionString(catalog, store);
                services.AddDbContextFactory<SqliteCatalogDbContext>((sp, o) =>
                    ConfigureSqlite(o, connectionString).AddInterceptors(new ChangeSignalInterceptor(sp.GetRequiredService<ChangeSignal>())));
                services.AddSingleton<ICatalogDbFactory, CatalogDbFactory<SqliteCatalogDbContext>>();
                services.AddScoped<CatalogDbContext>(sp => sp.GetRequiredService<SqliteCatalogDbContext>());
                break;
            default:
                throw new NotSupportedException($"Store provider '{store.Provider}' is not supported yet.");
        }

        services.AddSingleton<StoreInitializer>();
        return services;
    }

    public static string SqliteConnectionString(CatalogOptions catalog, StoreOptions store)
    {
        if (!string.IsNullOrWhiteSpace(store.ConnectionString))
            return store.ConnectionString;
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(catalog.DataDirectory), "catalog.db"),
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__migrations"))
            .AddInterceptors(SqlitePragmas.Instance);
}

/// <summary>Creates short-lived contexts for background work (indexing, imports).</summary>
public interface ICatalogDbFactory
{
    CatalogDbContext Create();
}

internal sealed class CatalogDbFactory<TContext>(IDbContextFactory<TContext> factory) : ICatalogDbFactory
    where TContext : CatalogDbContext
{
    public CatalogDbContext Create() => factory.CreateDbContext();
}
