using Catalog.Core.Titles;
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
    // Prefix fields are only ever matched term by term and scored with binary tf: positions and frequencies
    // would be written for nothing (norms stay: the length norm ranks short names first).
    private static readonly FieldType PrefixText = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY });

    // The didYouMean dictionary is read through document frequencies only: no positions, no norms.
    private static readonly FieldType SpellText = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });

    private readonly List<FieldSlots> all = [];
    private readonly FieldSlots id, idSort, nameSort, storedName, name, namePrefix, nameExact, people, peoplePrefix, tags, tagsPrefix, spell, synopsis;
    private readonly Dictionary<string, (FieldSlots Indexed, FieldSlots Values)> facets = [];
    private readonly Dictionary<string, FieldSlots> numbers = [];
    private readonly FieldSlots ratingSum;

    public TitleDocumentBuilder()
    {
        id = Slots(() => new StringField(IndexFields.Id, string.Empty, Field.Store.YES));
        idSort = Slots(() => new SortedDocValuesField(IndexFields.Id, new BytesRef()));
        nameSort = Slots(() => new SortedDocValuesField(IndexFields.NameSort, new BytesRef()));
        storedName = Slots(() => new TextField(IndexFields.Name, string.Empty, Field.Store.YES));
        name = Text(IndexFields.Name, TextField.TYPE_NOT_STORED);
        namePrefix = Text(IndexFields.NamePrefix, PrefixText);
        nameExact = Text(IndexFields.NameExact, TextField.TYPE_NOT_STORED);
        people = Text(IndexFields.People, TextField.TYPE_NOT_STORED);
        peoplePrefix = Text(IndexFields.PeoplePrefix, PrefixText);
        tags = Text(IndexFields.TagsText, TextField.TYPE_NOT_STORED);
        tagsPrefix = Text(IndexFields.TagsPrefix, PrefixText);
        spell = Text(IndexFields.Spell, SpellText);
        synopsis = Slots(() => new TextField(IndexFields.Synopsis, string.Empty, Field.Store.YES));
        ratingSum = Slots(() => new DoubleDocValuesField(IndexFields.RatingSum, 0));
    }

    /// <summary>The term that identifies a title's document (UpdateDocument, DeleteDocuments).</summary>
    public static Term IdTerm(string titleId) => new(IndexFields.Id, titleId);

    /// <summary>A document of its own (for a single write or a test); bulk writers reuse a builder per thread.</summary>
    public static Document Build(Title title) => new TitleDocumentBuilder().Document(title);

    public Document Document(Title title)
    {
        foreach (var slots in all)
            slots.Reset();
        var doc = new Document();
        doc.Add(id.Next(title.Id));
        doc.Add(idSort.Next(new BytesRef(title.Id)));
        doc.Add(nameSort.Next(new BytesRef(FieldValues.SortName(title.Name))));
        AddText(doc, title);
        AddFacets(doc, title);
        AddNumbers(doc, title);
        return doc;
    }

    private void AddText(Document doc, Title title)
    {
        var names = Distinct([title.Name, title.OriginalName, .. title.AlternateNames]);
        foreach (var value in names)
        {
            // Only the display name is stored: it is what highlights show.
            doc.Add(value == title.Name ? storedName.Next(value) : name.Next(value));
            doc.Add(namePrefix.Next(value));
            doc.Add(nameExact.Next(value));
        }

        foreach (var value in Distinct([.. title.Directors, .. title.Cast]))
        {
            doc.Add(people.Next(value));
            doc.Add(peoplePrefix.Next(value));
            doc.Add(spell.Next(value));
        }

        foreach (var value in Distinct([.. title.Tags, .. title.Genres]))
        {
            doc.Add(tags.Next(value));
            doc.Add(tagsPrefix.Next(value));
            doc.Add(spell.Next(value));
        }

        foreach (var value in names)
            doc.Add(spell.Next(value));
        if (!string.IsNullOrWhiteSpace(title.Synopsis))
            doc.Add(synopsis.Next(title.Synopsis));
    }

    private void AddFacets(Document doc, Title title)
    {
        AddValues(doc, IndexFields.Genre, title.Genres.Select(FieldValues.Label));
        AddValues(doc, IndexFields.Tag, title.Tags.Select(FieldValues.Tag));
        AddValues(doc, IndexFields.Person, title.Directors.Concat(title.Cast).Select(FieldValues.Person));
        AddValues(doc, IndexFields.Language, title.Languages.Select(FieldValues.Label));
        AddValues(doc, IndexFields.Kind, [FieldValues.Kind(title.Kind)]);
        AddValues(doc, IndexFields.HasTrailer, [FieldValues.Bool(title.Trailers.Count > 0)]);
        if (!string.IsNullOrWhiteSpace(title.ContentRating))
            AddValues(doc, IndexFields.ContentRating, [FieldValues.Label(title.ContentRating)]);
        if (FieldValues.RatingBucket(title.RatingAverage) is { } bucket)
            AddValues(doc, IndexFields.RatingBucket, [bucket]);
        if (title.EffectiveReleaseDate is { } released)
        {
            AddValues(doc, IndexFields.ReleaseYearValue, [FieldValues.Year(released.Year)]);
            AddValues(doc, IndexFields.Decade, [FieldValues.Decade(released.Year)]);
        }
    }

    /// <summary>
    /// Numbers are doc values only: every range filter, sort and rail reads them per document, and
    /// indexed trie terms (~16 per long) were never queried.
    /// </summary>
    private void AddNumbers(Document doc, Title title)
    {
        if (title.EffectiveReleaseDate is { } released)
        {
            AddNumber(doc, IndexFields.ReleaseDay, FieldValues.Day(released));
            AddNumber(doc, IndexFields.ReleaseYear, released.Year);
        }

        var addedAt = FieldValues.Instant(title.AddedAt);
        AddNumber(doc, IndexFields.AddedAt, addedAt);
        AddNumber(doc, IndexFields.AvailableUntil, title.AvailableUntil is { } until ? FieldValues.Instant(until) : long.MaxValue);
        var releasedAt = title.EffectiveReleaseDate is { } day ? FieldValues.Instant(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : addedAt;
        AddNumber(doc, IndexFields.ComingAt, Math.Max(addedAt, releasedAt));
        AddNumber(doc, IndexFields.RatingCount, title.RatingCount);
        doc.Add(ratingSum.Next(title.RatingSum));
    }

    /// <summary>Indexed for filtering and kept as sorted-set doc values (one entry per distinct value) for facets.</summary>
    private void AddValues(Document doc, string field, IEnumerable<string> values)
    {
        if (!facets.TryGetValue(field, out var slots))
        {
            slots = (Slots(() => new StringField(field, string.Empty, Field.Store.NO)), Slots(() => new SortedSetDocValuesField(field, new BytesRef())));
            facets.Add(field, slots);
        }

        foreach (var value in values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal))
        {
            doc.Add(slots.Indexed.Next(value));
            doc.Add(slots.Values.Next(new BytesRef(value)));
        }
    }

    private void AddNumber(Document doc, string field, long value)
    {
        if (!numbers.TryGetValue(field, out var slots))
        {
            slots = Slots(() => new NumericDocValuesField(field, 0));
            numbers.Add(field, slots);
        }

        doc.Add(slots.Next(value));
    }

    private FieldSlots Text(string field, FieldType type) => Slots(() => new Field(field, string.Empty, type));

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

    private static List<string> Distinct(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The field objects of one field name and kind, handed out again for every document.</summary>
    private sealed class FieldSlots(Func<Field> create)
    {
        private readonly List<Field> fields = [];
        private int used;

        public void Reset() => used = 0;

        public Field Next(string value)
        {
            var field = Take();
            field.SetStringValue(value);
            return field;
        }

        public Field Next(BytesRef value)
        {
            var field = Take();
            field.SetBytesValue(value);
            return field;
        }

        public Field Next(long value)
        {
            var field = Take();
            field.SetInt64Value(value);
            return field;
        }

        public Field Next(double value)
        {
            var field = Take();
            field.SetDoubleValue(value);
            return field;
        }

        private Field Take()
        {
            if (used == fields.Count)
                fields.Add(create());
            return fields[used++];
        }
    }
}
