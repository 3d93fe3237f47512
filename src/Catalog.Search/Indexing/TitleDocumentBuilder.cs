using Catalog.Core.Titles;
using Catalog.Search.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Indexing;

/// <summary>Turns a title into its one Lucene document, field by field as <see cref="IndexFields"/> describes.</summary>
public static class TitleDocumentBuilder
{
    /// <summary>The term that identifies a title's document (UpdateDocument, DeleteDocuments).</summary>
    public static Term IdTerm(string titleId) => new(IndexFields.Id, titleId);

    public static Document Build(Title title)
    {
        var doc = new Document
        {
            new StringField(IndexFields.Id, title.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFields.Id, new BytesRef(title.Id)),
            new SortedDocValuesField(IndexFields.NameSort, new BytesRef(FieldValues.SortName(title.Name))),
        };
        AddText(doc, title);
        AddFacets(doc, title);
        AddNumbers(doc, title);
        return doc;
    }

    private static void AddText(Document doc, Title title)
    {
        var names = Distinct([title.Name, title.OriginalName, .. title.AlternateNames]);
        var people = Distinct([.. title.Directors, .. title.Cast]);
        var tagsAndGenres = Distinct([.. title.Tags, .. title.Genres]);
        foreach (var name in names)
        {
            // Only the display name is stored: it is what highlights show.
            doc.Add(new TextField(IndexFields.Name, name, name == title.Name ? Field.Store.YES : Field.Store.NO));
            doc.Add(new TextField(IndexFields.NamePrefix, name, Field.Store.NO));
            doc.Add(new TextField(IndexFields.NameExact, name, Field.Store.NO));
        }

        AddTexts(doc, people, IndexFields.People, IndexFields.PeoplePrefix, IndexFields.Spell);
        AddTexts(doc, tagsAndGenres, IndexFields.TagsText, IndexFields.TagsPrefix, IndexFields.Spell);
        AddTexts(doc, names, IndexFields.Spell);
        if (!string.IsNullOrWhiteSpace(title.Synopsis))
            doc.Add(new TextField(IndexFields.Synopsis, title.Synopsis, Field.Store.YES));
    }

    private static void AddFacets(Document doc, Title title)
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

    private static void AddNumbers(Document doc, Title title)
    {
        if (title.EffectiveReleaseDate is { } released)
        {
            AddInt(doc, IndexFields.ReleaseDay, FieldValues.Day(released));
            AddInt(doc, IndexFields.ReleaseYear, released.Year);
        }

        var addedAt = FieldValues.Instant(title.AddedAt);
        AddLong(doc, IndexFields.AddedAt, addedAt);
        AddLong(doc, IndexFields.AvailableUntil, title.AvailableUntil is { } until ? FieldValues.Instant(until) : long.MaxValue);
        var releasedAt = title.EffectiveReleaseDate is { } day ? FieldValues.Instant(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : addedAt;
        AddLong(doc, IndexFields.ComingAt, Math.Max(addedAt, releasedAt));
        AddLong(doc, IndexFields.RatingCount, title.RatingCount);
        doc.Add(new DoubleField(IndexFields.RatingSum, title.RatingSum, Field.Store.NO));
        doc.Add(new DoubleDocValuesField(IndexFields.RatingSum, title.RatingSum));
    }

    private static void AddTexts(Document doc, IEnumerable<string> values, params string[] fields)
    {
        foreach (var value in values)
        {
            foreach (var field in fields)
                doc.Add(new TextField(field, value, Field.Store.NO));
        }
    }

    /// <summary>Indexed for filtering and kept as sorted-set doc values (one entry per distinct value) for facets.</summary>
    private static void AddValues(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(field, value, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void AddInt(Document doc, string field, int value)
    {
        doc.Add(new Int32Field(field, value, Field.Store.NO));
        doc.Add(new NumericDocValuesField(field, value));
    }

    private static void AddLong(Document doc, string field, long value)
    {
        doc.Add(new Int64Field(field, value, Field.Store.NO));
        doc.Add(new NumericDocValuesField(field, value));
    }

    private static List<string> Distinct(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}
