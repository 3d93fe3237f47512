using Catalog.Core.Titles;

namespace Catalog.Store.Import;

/// <summary>
/// What a source knows about one title. <see cref="Fields"/> names the <see cref="Title"/> properties
/// the source actually provides (nameof(Title.X)); on update only those are written, so a source
/// without, say, added dates never overwrites the ones already stored.
/// </summary>
public sealed record TitleDraft(Title Title, IReadOnlySet<string> Fields);

/// <summary>One input record: a draft, or the reason it is rejected, plus warnings about repairs.</summary>
public sealed record SourceRecord
{
    /// <summary>1-based record number in the input: the line for CSV/TSV, the element for JSON arrays.</summary>
    public required int Record { get; init; }

    public string? Id { get; init; }

    /// <summary>The title's name as read, before any repair.</summary>
    public string? Name { get; init; }

    public TitleDraft? Draft { get; init; }

    public string? RejectReason { get; init; }

    /// <summary>
    /// Set when the record is, by design, not a catalog title (an IMDb episode, say): it is counted as
    /// skipped, and the summary carries one warning per distinct reason instead of one per record.
    /// </summary>
    public string? SkipReason { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Bytes of the input consumed when this record was read (0 when unknown); drives progress.</summary>
    public long Position { get; init; }
}

/// <summary>An import format. Sources stream: they never hold the whole input in memory.</summary>
public interface ITitleSource
{
    /// <summary>The name used by <c>--format</c> (catalog-json, vega-movies, movielens, imdb-tsv).</summary>
    string Format { get; }

    /// <summary>Cheap sniffing for <c>--format auto</c>: the path's shape and first bytes.</summary>
    bool CanRead(string path);

    IAsyncEnumerable<SourceRecord> ReadAsync(string path, CancellationToken cancellationToken = default);
}

public sealed record ImportIssue(int Record, string? Id, string? Name, string Reason);

/// <summary>Every input record is counted once in Inserted, Updated, Skipped or Rejected.</summary>
public sealed record ImportSummary(
    int Inserted,
    int Updated,
    int Skipped,
    IReadOnlyList<ImportIssue> Rejected,
    IReadOnlyList<ImportIssue> Warnings);
