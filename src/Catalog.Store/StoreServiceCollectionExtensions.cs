using Catalog.Core;
using Catalog.Core.Feed;
using Catalog.Store.Feed;
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
        services.AddSingleton(store);
        services.AddSingleton<ChangeSignal>();
        services.AddSingleton<IChangeSignal>(sp => sp.GetRequiredService<ChangeSignal>());
        switch (store.Provider)
        {
            case StoreProvider.Sqlite:
                var sqlite = SqliteConnectionString(catalog, store);
                AddContext<SqliteCatalogDbContext>(services, o => ConfigureSqlite(o, sqlite));
                break;
            case StoreProvider.Postgres:
                var postgres = string.IsNullOrWhiteSpace(store.ConnectionString)
                    ? throw new InvalidOperationException($"{StoreOptions.Section}:ConnectionString is required when {StoreOptions.Section}:Provider is Postgres.")
                    : store.ConnectionString;
                AddContext<PostgresCatalogDbContext>(services, o => ConfigurePostgres(o, postgres));
                break;
            default:
                throw new NotSupportedException($"Store provider '{store.Provider}' is not supported.");
        }

        services.AddSingleton<StoreInitializer>();
        services.AddSingleton<IStorePreparation>(sp => sp.GetRequiredService<StoreInitializer>());
        services.AddSingleton<ChangeLogCompactor>();
        // Runs only in hosts that start their hosted services (catalog serve), not in one-shot verbs.
        services.AddHostedService<ChangeLogCompactionService>();
        return services;
    }

    /// <summary>The index's <see cref="ITitleFeed"/> over this store, reading full builds in pages of <paramref name="pageSize"/> titles.</summary>
    public static IServiceCollection AddStoreTitleFeed(this IServiceCollection services, int pageSize) =>
        services.AddSingleton<ITitleFeed>(sp => new StoreTitleFeed(sp.GetRequiredService<ICatalogDbFactory>(), pageSize));

    private static void AddContext<TContext>(IServiceCollection services, Func<DbContextOptionsBuilder, DbContextOptionsBuilder> configure)
        where TContext : CatalogDbContext
    {
        services.AddDbContextFactory<TContext>((sp, o) =>
            configure(o).AddInterceptors(new ChangeSignalInterceptor(sp.GetRequiredService<ChangeSignal>())));
        services.AddSingleton<ICatalogDbFactory, CatalogDbFactory<TContext>>();
        services.AddScoped<CatalogDbContext>(sp => sp.GetRequiredService<TContext>());
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

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__migrations"))
            .AddInterceptors(PostgresWriteLock.Instance);
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
