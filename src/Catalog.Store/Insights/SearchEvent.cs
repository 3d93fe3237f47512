namespace Catalog.Store.Insights;

/// <summary>
/// One search as recorded for curators' insights: what was asked, how it went, never who asked. Its id is the
/// opaque <c>searchId</c> a click names. Not part of the change log: the index does not depend on it.
/// </summary>
public sealed class SearchEvent
{
    public const int MaxQueryLength = 500;
    public const int MaxFiltersLength = 2000;
    public const int MaxReplicaLength = 64;

    public required string Id { get; init; }

    public DateTime At { get; init; }

    /// <summary>The UTC day of <see cref="At"/>: per-day reports group and filter on it on every provider alike.</summary>
    public DateOnly Day { get; init; }

    /// <summary>Normalised text (trimmed, lower-case, single spaces); empty when the search had no text.</summary>
    public required string Query { get; init; }

    /// <summary>Canonical JSON of filters, sort and exactness: equal searches have equal keys.</summary>
    public required string Filters { get; init; }

    public int ResultCount { get; init; }

    /// <summary>The results answered a looser reading than the text typed (correction or dropped words).</summary>
    public bool Corrected { get; init; }

    public double LatencyMs { get; init; }

    public required string Replica { get; init; }

    /// <summary>Clicks recorded for this search (kept here so click-through needs no join).</summary>
    public int ClickCount { get; set; }

    /// <summary>1-based position of the best-placed click (reciprocal rank), null before any click.</summary>
    public int? FirstClickPosition { get; set; }

    /// <summary>The running experiment the search took part in (it sent a session key), else null.</summary>
    public long? ExperimentId { get; init; }

    /// <summary><see cref="Experiment.Control"/> or <see cref="Experiment.Variant"/> with <see cref="ExperimentId"/>, else null.</summary>
    public string? Arm { get; init; }
}

/// <summary>A viewer opened result <see cref="TitleId"/> shown at <see cref="Position"/> (1-based) of search <see cref="SearchId"/>.</summary>
public sealed class SearchClick
{
    public long Id { get; init; }

    public required string SearchId { get; init; }

    public required string TitleId { get; init; }

    public int Position { get; init; }

    public DateTime At { get; init; }
}
