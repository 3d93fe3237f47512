namespace Catalog.Core.Titles;

/// <summary>A title in the store of record. Instants are UTC <see cref="DateTime"/> (SQLite cannot order offsets).</summary>
public sealed class Title
{
    /// <summary>No film predates this; earlier release years are data errors, whoever writes them.</summary>
    public const int EarliestReleaseYear = 1870;

    /// <summary>Longest name or original name the store keeps.</summary>
    public const int MaxNameLength = 1000;

    public required string Id { get; set; }
    public TitleKind Kind { get; set; } = TitleKind.Movie;
    public required string Name { get; set; }
    public string? OriginalName { get; set; }
    public List<string> AlternateNames { get; set; } = [];
    public string? Synopsis { get; set; }

    /// <summary>Full release date when known.</summary>
    public DateOnly? ReleaseDate { get; set; }

    /// <summary>Release year; set whenever <see cref="ReleaseDate"/> is, and alone for year-only releases.</summary>
    public int? ReleaseYear { get; set; }

    /// <summary>Instant the title became (or becomes) available in the catalog, UTC.</summary>
    public DateTime AddedAt { get; set; }

    /// <summary>Instant the title stops being available, UTC; null when open-ended.</summary>
    public DateTime? AvailableUntil { get; set; }

    public int? RuntimeMinutes { get; set; }
    public string? ContentRating { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<string> Genres { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public List<string> Directors { get; set; } = [];
    public List<string> Cast { get; set; } = [];
    public string? ImdbId { get; set; }
    public string? TmdbId { get; set; }

    /// <summary>Sum of viewer ratings on the 1–10 scale, imported votes included.</summary>
    public double RatingSum { get; set; }

    public int RatingCount { get; set; }

    /// <summary>
    /// The part of <see cref="RatingSum"/> that comes from viewer reviews written here. Imports replace
    /// only the imported part, so re-importing a catalog never erases viewers' ratings.
    /// </summary>
    public double ReviewRatingSum { get; set; }

    /// <summary>The part of <see cref="RatingCount"/> that comes from viewer reviews written here.</summary>
    public int ReviewRatingCount { get; set; }

    /// <summary>The imported votes: the aggregate less the reviews' share.</summary>
    public double ImportedRatingSum => RatingSum - ReviewRatingSum;

    public int ImportedRatingCount => RatingCount - ReviewRatingCount;

    public List<Trailer> Trailers { get; set; } = [];

    /// <summary>Last write to this row, UTC (maintained by the store).</summary>
    public DateTime UpdatedAt { get; set; }

    public double? RatingAverage => RatingCount > 0 ? RatingSum / RatingCount : null;

    /// <summary>The date rails and date sorts use: the release date, or 1 January of a year-only release.</summary>
    public DateOnly? EffectiveReleaseDate =>
        ReleaseDate ?? (ReleaseYear is int y ? new DateOnly(y, 1, 1) : null);
}
