using System.Buffers.Binary;
using Catalog.Core.Titles;
using Catalog.Search.Analysis;
using Catalog.Search.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Indexing;

/// <summary>
/// Turns a title into its one Lucene document, field by field as <see cref="IndexFields"/> describes.
/// An instance reuses its field objects from one document to the next (a new field per value costs a
/// token stream and attribute lookups under a lock shared by all indexing threads), so it serves one
/// thread, and a document it returned is valid until its next <see cref="Document"/> call.
/// </summary>
public sealed class TitleDocumentBuilder
{
    // The name prefix field is only ever matched term by term and scored with binary tf: positions and frequencies
    // would be written for nothing (norms stay: the length norm ranks short names first).
    private static readonly FieldType PrefixText = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY });

    /// <summary>A facet's several values as one field instance: indexed exactly as one StringField per value (docs only, no norms).</summary>
    internal static readonly FieldType FacetValues = Frozen(new FieldType(StringField.TYPE_NOT_STORED) { IsTokenized = true });

    private readonly List<FieldSlots> all = [];
    private readonly FieldSlots id, idSort, nameSort, storedName, name, namePrefix, nameExact, peopleText, tagsText, synopsis;
    private readonly Dictionary<string, FacetSlots> facets = [];
    private readonly FieldSlots numbers;
    private readonly BytesRef numberBytes = new(new byte[IndexFields.NumericColumns.Count * sizeof(long)]);
    private readonly Document document = new();
    private static readonly List<string> None = [];

    // Per-document scratch lists, reused: the builder allocates next to nothing per title (garbage
    // collections were a tenth of the build).
    private readonly List<string> names = [], people = [], tags = [], seen = [];
    private readonly List<RecordedTokens> replayed = [];

    private readonly RecordedValues recorded = new();

    public TitleDocumentBuilder()
    {
        id = Slots(() => new StringField(IndexFields.Id, string.Empty, Field.Store.YES));
        idSort = Slots(() => new SortedDocValuesField(IndexFields.Id, new BytesRef()));
        nameSort = Slots(() => new SortedDocValuesField(IndexFields.NameSort, new BytesRef()));
        storedName = Slots(() => new TextField(IndexFields.Name, string.Empty, Field.Store.YES));
        name = Text(IndexFields.Name, TextField.TYPE_NOT_STORED);
        namePrefix = Text(IndexFields.NamePrefix, PrefixText);
        nameExact = Text(IndexFields.NameExact, TextField.TYPE_NOT_STORED);
        peopleText = Replayed(IndexFields.People, TextField.TYPE_NOT_STORED);
        tagsText = Replayed(IndexFields.TagsText, TextField.TYPE_NOT_STORED);
        synopsis = Slots(() => new TextField(IndexFields.Synopsis, string.Empty, Field.Store.YES));
        numbers = Slots(() => new SortedDocValuesField(IndexFields.Numbers, new BytesRef()));
    }

    /// <summary>The term that identifies a title's document (UpdateDocument, DeleteDocuments).</summary>
    public static Term IdTerm(string titleId) => new(IndexFields.Id, titleId);

    /// <summary>A document of its own (for a single write or a test); bulk writers reuse a builder per thread.</summary>
    public static Document Build(Title title) => new TitleDocumentBuilder().Document(title);

    /// <summary>The title's document: this builder's one document, refilled (valid until the next call).</summary>
    public Document Document(Title title)
    {
        foreach (var slots in all)
            slots.Reset();
        var doc = document;
        doc.Fields.Clear();
        doc.Add(id.Next(title.Id));
        doc.Add(idSort.NextBytes(title.Id));
        doc.Add(nameSort.NextBytes(FieldValues.SortName(title.Name)));
        AddText(doc, title);
        AddFacets(doc, title);
        AddNumbers(doc, title);
        return doc;
    }

    private void AddText(Document doc, Title title)
    {
        Distinct(names, title.Name, title.OriginalName, title.AlternateNames, None);
        foreach (var value in names)
        {
            // Only the display name is stored: it is what highlights show.
            doc.Add(value == title.Name ? storedName.Next(value) : name.Next(value));
            doc.Add(namePrefix.Next(value));
            doc.Add(nameExact.Next(value));
        }

        Distinct(people, null, null, title.Directors, title.Cast);
        AddReplayed(doc, peopleText, IndexFields.People, people);

        Distinct(tags, null, null, title.Tags, title.Genres);
        AddReplayed(doc, tagsText, IndexFields.TagsText, tags);

        if (!string.IsNullOrWhiteSpace(title.Synopsis))
            doc.Add(synopsis.Next(title.Synopsis));
    }

    /// <summary>All of the values as one field instance (see <see cref="RecordedTokenStream"/>), or one each where they cannot be joined.</summary>
    private void AddReplayed(Document doc, FieldSlots slots, string field, List<string> values)
    {
        replayed.Clear();
        var joinable = true;
        foreach (var value in values)
        {
            var tokens = recorded.Of(field, value);
            joinable &= replayed.Count == 0 || RecordedTokenStream.CanFollow(tokens);
            replayed.Add(tokens);
        }

        if (replayed.Count == 0)
            return;
        if (joinable)
        {
            doc.Add(slots.Next(replayed));
            return;
        }

        foreach (var tokens in replayed)
            doc.Add(slots.Next([tokens]));
    }

    private void AddFacets(Document doc, Title title)
    {
        var values = Values(IndexFields.Genre);
        foreach (var genre in title.Genres)
            AddValue(doc, values, FieldValues.Label(genre));
        AddIndexed(doc, values);
        values = Values(IndexFields.Tag);
        foreach (var tag in title.Tags)
            AddValue(doc, values, FieldValues.Tag(tag));
        AddIndexed(doc, values);
        values = Values(IndexFields.Person);
        foreach (var person in title.Directors)
            AddValue(doc, values, FieldValues.Person(person));
        foreach (var person in title.Cast)
            AddValue(doc, values, FieldValues.Person(person));
        AddIndexed(doc, values);
        values = Values(IndexFields.Language);
        foreach (var language in title.Languages)
            AddValue(doc, values, FieldValues.Label(language));
        AddIndexed(doc, values);
        AddSingle(doc, IndexFields.Kind, FieldValues.Kind(title.Kind));
        AddSingle(doc, IndexFields.HasTrailer, FieldValues.Bool(title.Trailers.Count > 0));
        if (!string.IsNullOrWhiteSpace(title.ContentRating))
            AddSingle(doc, IndexFields.ContentRating, FieldValues.Label(title.ContentRating));
        if (FieldValues.RatingBucket(title.RatingAverage) is { } bucket)
            AddSingle(doc, IndexFields.RatingBucket, bucket);
        if (title.EffectiveReleaseDate is { } released)
        {
            AddSingle(doc, IndexFields.ReleaseYearValue, FieldValues.Year(released.Year));
            AddSingle(doc, IndexFields.Decade, FieldValues.Decade(released.Year));
        }
    }

    /// <summary>
    /// Numbers are doc values only: every range filter, sort and rail reads them per document, and
    /// indexed trie terms (~16 per long) were never queried. All of them go into one value
    /// (see <see cref="IndexFields.Numbers"/>).
    /// </summary>
    private void AddNumbers(Document doc, Title title)
    {
        var released = title.EffectiveReleaseDate;
        var addedAt = FieldValues.Instant(title.AddedAt);
        var releasedAt = released is { } day ? FieldValues.Instant(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : addedAt;
        var slots = numberBytes.Bytes.AsSpan();
        SetNumber(slots, IndexFields.ReleaseDay, released is { } releaseDay ? FieldValues.Day(releaseDay) : IndexFields.NoNumber);
        SetNumber(slots, IndexFields.ReleaseYear, released?.Year ?? IndexFields.NoNumber);
        SetNumber(slots, IndexFields.AddedAt, addedAt);
        SetNumber(slots, IndexFields.AvailableUntil, title.AvailableUntil is { } until ? FieldValues.Instant(until) : long.MaxValue);
        SetNumber(slots, IndexFields.ComingAt, Math.Max(addedAt, releasedAt));
        SetNumber(slots, IndexFields.RatingSum, BitConverter.DoubleToInt64Bits(title.RatingSum));
        SetNumber(slots, IndexFields.RatingCount, title.RatingCount);
        doc.Add(numbers.Next(numberBytes));
    }

    private static void SetNumber(Span<byte> slots, string column, long value) =>
        BinaryPrimitives.WriteInt64LittleEndian(slots[(IndexFields.NumericSlot(column) * sizeof(long))..], value);

    /// <summary>The slots of a facet field, with no value added yet for this document.</summary>
    private FacetSlots Values(string field)
    {
        if (!facets.TryGetValue(field, out var slots))
        {
            slots = NewFacet(field);
            facets.Add(field, slots);
        }

        seen.Clear();
        return slots;
    }

    private FacetSlots NewFacet(string field) => new(
        Slots(() => new StringField(field, string.Empty, Field.Store.NO)),
        Slots(() => new Field(field, new ValuesTokenStream(), FacetValues)),
        Slots(() => new SortedSetDocValuesField(field, new BytesRef())));

    /// <summary>Kept as sorted-set doc values (one entry per distinct value) for facets; indexed by <see cref="AddIndexed"/>.</summary>
    private void AddValue(Document doc, FacetSlots slots, string value)
    {
        if (value.Length == 0 || seen.Contains(value))
            return;
        seen.Add(value);
        doc.Add(slots.Values.NextBytes(value));
    }

    /// <summary>Indexes the facet's values for filtering: a lone value as a plain string field, several as one field instance.</summary>
    private void AddIndexed(Document doc, FacetSlots slots)
    {
        if (seen.Count == 1)
            doc.Add(slots.Indexed.Next(seen[0]));
        else if (seen.Count > 1)
            doc.Add(slots.Several.Next(seen));
    }

    private void AddSingle(Document doc, string field, string value)
    {
        var slots = Values(field);
        AddValue(doc, slots, value);
        AddIndexed(doc, slots);
    }

    private FieldSlots Text(string field, FieldType type) => Slots(() => new Field(field, string.Empty, type));

    /// <summary>A text field indexed from recorded tokens (values analysed once, see <see cref="RecordedValues"/>).</summary>
    private FieldSlots Replayed(string field, FieldType type) => Slots(() => new Field(field, new RecordedTokenStream(), type));

    private FieldSlots Slots(Func<Field> create)
    {
        var slots = new FieldSlots(create);
        all.Add(slots);
        return slots;
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>Fills <paramref name="into"/> with the trimmed values, each once (ignoring case), in order.</summary>
    private static void Distinct(List<string> into, string? first, string? second, List<string> more, List<string> andMore)
    {
        into.Clear();
        Add(into, first);
        Add(into, second);
        foreach (var value in more)
            Add(into, value);
        foreach (var value in andMore)
            Add(into, value);

        static void Add(List<string> into, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                return;
            value = value.Trim();
            foreach (var existing in into)
            {
                if (string.Equals(existing, value, StringComparison.OrdinalIgnoreCase))
                    return;
            }

            into.Add(value);
        }
    }

    /// <summary>A facet field's slots: a lone value's string field, several values' field, and the doc values.</summary>
    private sealed record FacetSlots(FieldSlots Indexed, FieldSlots Several, FieldSlots Values);
}
