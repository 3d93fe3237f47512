using System.Data.Common;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Catalog.Core.Titles.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Catalog.Store.Import;

public sealed record ImportOptions(string Format = "auto", bool DryRun = false);

/// <summary>Progress of a running import: input consumed (bytes when known) and records read.</summary>
public sealed record ImportProgress(long Position, long Length, int Records);

/// <summary>
/// Runs one import: picks the source (or sniffs it), streams its records into the store in one
/// transaction (committed at the end, rolled back on failure or dry run), and counts every record once.
/// </summary>
public sealed class TitleImporter(ICatalogDbFactory factory, IEnumerable<ITitleSource> sources, TimeProvider clock, TitleRules? rules = null, StoreOptions? store = null)
{
    private readonly TitleRules rules = rules ?? new TitleRules();
    private readonly int cacheMiB = (store ?? new StoreOptions()).ImportCacheMiB;

    /// <summary>Records written per SaveChanges; the change tracker is cleared after each batch.</summary>
    internal const int BatchSize = 500;

    /// <summary>Batches read and checked ahead of the writer.</summary>
    private const int ReadAhead = 4;

    public IReadOnlyList<string> Formats => sources.Select(s => s.Format).ToArray();

    public async Task<ImportSummary> ImportAsync(string path, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var source = ResolveSource(path, options.Format);
        var length = InputLength(path);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = factory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cache = await ImportPageCache.WidenAsync(db, cacheMiB, cancellationToken);
        var storeWasEmpty = !await db.Titles.AnyAsync(cancellationToken);
        var indexes = storeWasEmpty ? await DeferredIndexes.DropAsync(db, cancellationToken) : null;
        var writer = new ImportBatchWriter(db, now, storeWasEmpty, indexes);
        var records = 0;

        // Reading and checking (JSON, rules) on one thread, writing on another: about half the work each.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<List<CheckedRecord>>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(source, path, now, batches.Writer, stopReading.Token), stopReading.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                await WriteAsync(writer, batch, cancellationToken);
                records += batch.Count;
                progress?.Report(new ImportProgress(batch[^1].Record.Position, length, records));
            }

            await reading;
        }
        finally
        {
            await StopAsync(stopReading, reading);
            if (cache is not null)
                await cache.DisposeAsync();
        }

        if (options.DryRun)
            await transaction.RollbackAsync(cancellationToken);
        else
            await CommitAsync(transaction, indexes, cancellationToken);
        progress?.Report(new ImportProgress(length, length, records));
        return writer.Summary();
    }

    private static async Task CommitAsync(IDbContextTransaction transaction, DeferredIndexes? indexes, CancellationToken cancellationToken)
    {
        if (indexes is not null)
            await indexes.RestoreAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Batches the source's records, each draft checked, into <paramref name="batches"/>; a read failure ends the import.</summary>
    private async Task ReadAsync(ITitleSource source, string path, DateTime now, ChannelWriter<List<CheckedRecord>> batches, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<CheckedRecord>(BatchSize);
            var lastRecord = 0;
            await using var input = source.ReadAsync(path, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await MoveNextAsync(input, source, path, lastRecord))
            {
                batch.Add(new CheckedRecord(input.Current, ImportBatchWriter.Check(input.Current, rules, now)));
                lastRecord = input.Current.Record;
                if (batch.Count < BatchSize)
                    continue;
                await batches.WriteAsync(batch, cancellationToken);
                batch = new List<CheckedRecord>(BatchSize);
            }

            if (batch.Count > 0)
                await batches.WriteAsync(batch, cancellationToken);
        }
        finally
        {
            batches.TryComplete();
        }
    }

    /// <summary>Stops the reader when the writing ended first (a failed write); its own failure was already seen.</summary>
    private static async Task StopAsync(CancellationTokenSource stopReading, Task reading)
    {
        if (reading.IsCompleted)
            return;
        await stopReading.CancelAsync();
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
            // Expected: the reader was stopped because writing failed, and that failure is the one reported.
        }
    }

    private static async Task WriteAsync(ImportBatchWriter writer, List<CheckedRecord> batch, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            throw new ImportException($"Writing records {batch[0].Record.Record}..{batch[^1].Record.Record} failed: {e.InnerException?.Message ?? e.Message} Nothing was imported.", e);
        }
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
