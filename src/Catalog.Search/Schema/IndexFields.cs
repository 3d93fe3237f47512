namespace Catalog.Search.Schema;

/// <summary>
/// The index schema: one Lucene document per title. Shared contract between the indexing side
/// (document builder, analyzers) and the query side (queries, filters, facets, sorts, rails).
/// Text fields are analysed per <c>CatalogAnalyzers</c>; filter fields hold exact, normalised values
/// (indexed StringField for filtering plus SortedSetDocValues under the same name for facets);
/// numeric values are doc values only (sorts, range filters and rails read them per document).
/// </summary>
public static class IndexFields
{
    /// <summary>
    /// The shape of the documents. Raise it whenever fields change: a generation committed with another version is
    /// not opened but rebuilt from the store, as an unreadable one is.
    /// </summary>
    public const int Version = 2;

    // Identity
    public const string Id = "id";                         // StringField, stored; SortedDocValues "id" for the tie-breaker

    // Searchable text (analysed)
    public const string Name = "name";                     // name + original + alternate names: folded, word-split and joined
    public const string NamePrefix = "name_prefix";        // same text, edge n-grams at index time (prefix while typing)
    public const string NameExact = "name_exact";          // whole normalised name as one token (exact-match boost)
    public const string People = "people";                 // directors + cast (prefixes expand over its terms at query time)
    public const string TagsText = "tags_text";            // tags + genres as text (likewise)
    public const string Synopsis = "synopsis";             // English stemming

    // Filter and facet fields (exact values; StringField + SortedSetDocValues)
    public const string Genre = "genre";
    public const string Tag = "tag";                       // tags normalised to lower case
    public const string Kind = "kind";                     // MOVIE, SERIES, …
    public const string Decade = "decade";                 // "1990s"
    public const string ReleaseYearValue = "year";         // "1994" (facet label); numeric doc values below
    public const string ContentRating = "content_rating";
    public const string Language = "language";
    public const string Person = "person";                 // exact people names, lower-cased, for the people filter
    public const string RatingBucket = "rating_bucket";    // "8+", "7–8", … of the mean rating
    public const string HasTrailer = "has_trailer";        // "true" / "false"

    // Numeric columns: read per document by sorts, range filters and rails. They are not Lucene fields of their own but
    // 8-byte slots of one value "numbers", in NumericColumns order, long.MinValue where a title has none, kept as sorted
    // doc values (only ever read whole, per document): Lucene.NET's numeric and binary doc-values writers measure their
    // memory by reflection on every value they add (a tenth of the build for seven numeric fields), the sorted one does not.
    public const string Numbers = "numbers";
    public const string ReleaseDay = "release_day";        // days since 0001-01-01 of the effective release date
    public const string ReleaseYear = "release_year_num";
    public const string AddedAt = "added_at";              // UTC ticks
    public const string AvailableUntil = "available_until"; // UTC ticks, long.MaxValue when open-ended
    public const string ComingAt = "coming_at";            // UTC ticks: the later of addedAt and release (comingSoon order)
    public const string RatingSum = "rating_sum";          // double bits
    public const string RatingCount = "rating_count";      // long: votes; POPULARITY sorts on it

    private static readonly string[] NumericSlots = [ReleaseDay, ReleaseYear, AddedAt, AvailableUntil, ComingAt, RatingSum, RatingCount];

    public static IReadOnlyList<string> NumericColumns => NumericSlots;

    /// <summary>The slot value of a title without that number (no real value uses it).</summary>
    public const long NoNumber = long.MinValue;

    /// <summary>The column's slot in <see cref="Numbers"/>, -1 for a name that is not a numeric column.</summary>
    public static int NumericSlot(string column) => Array.IndexOf(NumericSlots, column);

    public const string NameSort = "name_sort";            // SortedDocValues of the folded name (NAME sort)
}
