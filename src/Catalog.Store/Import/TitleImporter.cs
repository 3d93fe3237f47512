using System.Data.Common;
using System.Text;
using System.Text.Json;
using Catalog.Core.Titles.Rules;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Store.Import;

public sealed record ImportOptions(string Format = "auto", bool DryRun = false);

/// <summary>Progress of a running import: input consumed (bytes when known) and records read.</summary>
public sealed record ImportProgress(long Position, long Length, int Records);

/// <summary>
/// Runs one import: picks the source (or sniffs it), streams its records into the store in one
/// transaction (committed at the end, rolled back on failure or dry run), and counts every record once.
/// </summary>
public sealed class TitleImporter(ICatalogDbFactory factory, IEnumerable<ITitleSource> sources, TimeProvider clock, TitleRules? rules = null)
{
    private readonly TitleRules rules = rules ?? new TitleRules();

    /// <summary>Records written per SaveChanges; the change tracker is cleared after each batch.</summary>
    internal const int BatchSize = 500;

    public IReadOnlyList<string> Formats => sources.Select(s => s.Format).ToArray();

    public async Task<ImportSummary> ImportAsync(string path, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var source = ResolveSource(path, options.Format);
        var length = InputLength(path);
        await using var db = factory.Create();
        await using var settings = await db.BulkWriteSettingsAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var writer = new ImportBatchWriter(db, clock.GetUtcNow().UtcDateTime, this.rules);
        var batch = new List<SourceRecord>(BatchSize);
        var (records, lastRecord, position) = (0, 0, 0L);
        await using var input = source.ReadAsync(path, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await MoveNextAsync(input, source, path, lastRecord))
        {
            batch.Add(input.Current);
            (records, lastRecord, position) = (records + 1, input.Current.Record, input.Current.Position);
            if (batch.Count < BatchSize)
                continue;
            await WriteAsync(writer, batch, cancellationToken);
            progress?.Report(new ImportProgress(position, length, records));
        }

        await WriteAsync(writer, batch, cancellationToken);
        if (options.DryRun)
            await transaction.RollbackAsync(cancellationToken);
        else
            await transaction.CommitAsync(cancellationToken);
        progress?.Report(new ImportProgress(length, length, records));
        return writer.Summary();
    }

    private static async Task WriteAsync(ImportBatchWriter writer, List<SourceRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return;
        try
        {
            await writer.WriteAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            throw new ImportException($"Writing records {batch[0].Record}..{batch[^1].Record} failed: {e.InnerException?.Message ?? e.Message} Nothing was imported.", e);
        }

        batch.Clear();
    }

    /// <summary>Turns a source's read failure (malformed or truncated input) into an <see cref="ImportException"/>.</summary>
    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<SourceRecord> input, ITitleSource source, string path, int lastRecord)
    {
        try
        {
            return await input.MoveNextAsync();
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException or FormatException or DecoderFallbackException)
        {
            throw new ImportException($"{path} is not valid {source.Format} input after record {lastRecord}: {e.Message} Nothing was imported.", e);
        }
    }

    private ITitleSource ResolveSource(string path, string format)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new ImportException($"'{path}' does not exist.");
        if (!string.Equals(format, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return sources.FirstOrDefault(s => string.Equals(s.Format, format, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException($"Unknown format '{format}'; expected auto, {string.Join(", ", Formats)}.");
        }

        return sources.FirstOrDefault(s => CanRead(s, path))
            ?? throw new ImportException($"Could not detect the format of '{path}'; pass --format with one of {string.Join(", ", Formats)}.");
    }

    private static bool CanRead(ITitleSource source, string path)
    {
        try
        {
            return source.CanRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long InputLength(string path) => File.Exists(path)
        ? new FileInfo(path).Length
        : new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);
}
