namespace Catalog.Store;

/// <summary>
/// Work on the store that must finish before the index opens at start (seeding an empty store), so the
/// first index built already holds it. Runs under the migration lock (<see cref="StoreInitializer.PrepareAsync"/>).
/// </summary>
public interface IStoreStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
