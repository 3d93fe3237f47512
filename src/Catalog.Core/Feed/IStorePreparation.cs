namespace Catalog.Core.Feed;

/// <summary>
/// Brings the store of record to the state the index reads at start (migrated, seeded when empty); the index
/// opens only after it finished, so the first index built already holds the seed.
/// </summary>
public interface IStorePreparation
{
    Task PrepareAsync(CancellationToken cancellationToken);
}
