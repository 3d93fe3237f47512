using Microsoft.EntityFrameworkCore;

namespace Catalog.Store;

/// <summary>The embedded default; its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options, TimeProvider clock)
    : CatalogDbContext(options, clock);
