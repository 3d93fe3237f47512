using Catalog.Core;
using Catalog.Core.Feed;
using Microsoft.Extensions.Options;

namespace Catalog.Store;

/// <summary>
/// Creates the data directory and brings the store to the latest migration (never EnsureCreated). As the
/// <see cref="IStorePreparation"/> of a serving host it also runs the registered <see cref="IStoreStartupTask"/>s.
/// </summary>
public sealed class StoreInitializer(ICatalogDbFactory factory, IOptions<CatalogOptions> catalog, IEnumerable<IStoreStartupTask> startupTasks)
    : IStorePreparation
{
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        InitializeAsync(_ => Task.CompletedTask, cancellationToken);

    /// <summary>
    /// Migrates, then runs <paramref name="exclusively"/> while still holding the provider's migration lock:
    /// replicas starting together on one PostgreSQL run it one at a time, so a check-then-write such as
    /// "seed the sample when the store is empty" happens once (the next replica finds the store seeded).
    /// </summary>
    public async Task InitializeAsync(Func<CancellationToken, Task> exclusively, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exclusively);
        Directory.CreateDirectory(Path.GetFullPath(catalog.Value.DataDirectory));
        await using var db = factory.Create();
        await db.MigrateAsync(exclusively, cancellationToken);
    }

    public Task PrepareAsync(CancellationToken cancellationToken) => InitializeAsync(RunStartupTasksAsync, cancellationToken);

    private async Task RunStartupTasksAsync(CancellationToken cancellationToken)
    {
        foreach (var task in startupTasks)
            await task.RunAsync(cancellationToken);
    }
}
