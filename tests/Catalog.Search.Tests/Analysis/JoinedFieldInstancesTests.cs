using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Schema;
using CsCheck;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Catalog.Search.Tests.Analysis;

/// <summary>
/// The builder indexes a title's people, tags and facet values as one field instance per field: the index
/// must hold exactly what one field instance per value gives it (terms, frequencies, positions, norms).
/// </summary>
public sealed class JoinedFieldInstancesTests : IDisposable
{
    private static readonly string[] Pieces =
    [
        "Arnold", "Schwarzenegger", "léon", "o'brien", "wi-fi", "2", "東京", "-", ".", "time travel", "sci-fi", "Anne-Marie",
    ];

    // Values of up to six pieces, some of which produce no token at all (punctuation only) or a position gap (a word over 255 characters).
    private static readonly Gen<string[]> Values =
        Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.Char["abXY9é-' "].Array[1, 6].Select(c => new string(c)), Gen.Const(new string('q', 300)))
            .Array[0, 6].Select(parts => string.Join(' ', parts))
            .Array[0, 6];

    private readonly CatalogAnalyzers analyzers = new();

    public void Dispose() => analyzers.Dispose();

    [Theory]
    [InlineData(IndexFields.People)]
    [InlineData(IndexFields.TagsText)]
    public void Recordings_replayed_as_one_stream_index_as_one_field_instance_per_value(string field)
    {
        Values.Sample(values =>
        {
            var recorded = values.Select(v => RecordedTokens.Record(analyzers.Index, field, v)).ToList();
            if (recorded.Count == 0 || !recorded.Skip(1).All(RecordedTokenStream.CanFollow))
                return; // the builder adds no field then, or one instance per value
            var separate = Index(field, doc =>
            {
                foreach (var value in values)
                    doc.Add(new TextField(field, value, Field.Store.NO));
            });
            var joined = Index(field, doc =>
            {
                var stream = new RecordedTokenStream();
                stream.Load(recorded);
                doc.Add(new Field(field, stream, TextField.TYPE_NOT_STORED));
            });
            Assert.Equal(separate, joined);
        }, iter: 300);
    }

    [Fact]
    public void Values_as_one_stream_index_as_one_string_field_per_value()
    {
        Values.Sample(values =>
        {
            var distinct = values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count == 0)
                return; // the builder adds no field then
            var separate = Index(IndexFields.Person, doc =>
            {
                foreach (var value in distinct)
                    doc.Add(new StringField(IndexFields.Person, value, Field.Store.NO));
            });
            var joined = Index(IndexFields.Person, doc =>
            {
                var stream = new ValuesTokenStream();
                stream.Load(distinct);
                doc.Add(new Field(IndexFields.Person, stream, TitleDocumentBuilder.FacetValues));
            });
            Assert.Equal(separate, joined);
        }, iter: 300);
    }

    /// <summary>What a one-document index holds for the field: each term with its frequency and positions, then the norm.</summary>
    private List<string> Index(string field, Action<Document> fill)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, IndexWriterSettings.Create(analyzers, OpenMode.CREATE)))
        {
            var doc = new Document { new StringField(IndexFields.Id, "x", Field.Store.YES) };
            fill(doc);
            writer.AddDocument(doc);
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var atomic = reader.Leaves[0].AtomicReader;
        var held = new List<string>();
        var terms = atomic.GetTerms(field)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            var positions = terms.DocsAndPositions(null, null);
            if (positions is null)
            {
                var docs = terms.Docs(null, null);
                held.Add($"{terms.Term.Utf8ToString()} docs {docs.NextDoc()}");
                continue;
            }

            positions.NextDoc();
            var at = Enumerable.Range(0, positions.Freq).Select(_ => positions.NextPosition());
            held.Add($"{terms.Term.Utf8ToString()} at {string.Join(',', at)}");
        }

        held.Add($"norm {atomic.GetNormValues(field)?.Get(0)}");
        return held;
    }
}
