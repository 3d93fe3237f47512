using Catalog.Core.Titles;

namespace Catalog.Store.Writes;

/// <summary>
/// What a curator sends to create or update a title (imports bring theirs as <see cref="Import.TitleDraft"/>). A null property was not sent: an update keeps the
/// stored value, a create uses the default. <see cref="Cleared"/> names the optional fields that were
/// sent as an explicit null, which clears them.
/// </summary>
public sealed record TitleEdit
{
    public string? Id { get; init; }
    public TitleKind? Kind { get; init; }
    public string? Name { get; init; }
    public string? OriginalName { get; init; }
    public IReadOnlyList<string>? AlternateNames { get; init; }
    public string? Synopsis { get; init; }
    public DateOnly? ReleaseDate { get; init; }
    public int? Year { get; init; }
    public DateTime? AddedAt { get; init; }
    public DateTime? AvailableUntil { get; init; }
    public int? RuntimeMinutes { get; init; }
    public string? ContentRating { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public IReadOnlyList<string>? Countries { get; init; }
    public IReadOnlyList<string>? Genres { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string>? Directors { get; init; }
    public IReadOnlyList<string>? Cast { get; init; }
    public string? ImdbId { get; init; }
    public string? TmdbId { get; init; }

    /// <summary>Property names (nameof) of optional fields sent as null.</summary>
    public IReadOnlySet<string> Cleared { get; init; } = new HashSet<string>();
}
