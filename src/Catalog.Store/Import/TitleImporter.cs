namespace Catalog.Store.Import;

public sealed record ImportOptions(string Format = "auto", bool DryRun = false);

/// <summary>Progress of a running import: input consumed (bytes when known) and records read.</summary>
public sealed record ImportProgress(long Position, long Length, int Records);

/// <summary>
/// Runs one import: picks the source (or sniffs it), streams its records into the store in one
/// transaction, and counts every record once. Implemented by the importer issue.
/// </summary>
public sealed class TitleImporter(ICatalogDbFactory factory, IEnumerable<ITitleSource> sources, TimeProvider clock)
{
    public IReadOnlyList<string> Formats => sources.Select(s => s.Format).ToArray();

    public Task<ImportSummary> ImportAsync(string path, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        _ = (factory, clock, path, options, progress, cancellationToken);
        throw new NotImplementedException();
    }
}
