using Catalog.Core.Titles;
using Catalog.Search.Analysis;
using Catalog.Search.Indexing;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Querying.Parsing;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// Typo candidates after a near-real-time reopen (every edit and review causes one): the unchanged segments' candidates
/// are reused, only the new segment is intersected, and the merged answer equals a search of the whole new reader.
/// </summary>
public sealed class FuzzyCandidatesTests : IDisposable
{
    private static readonly string[] Words = ["terminator", "terminal", "termination", "terminus", "germinator", "exterminator", "tornado", "terminators"];

    private readonly CatalogAnalyzers analyzers = new();
    private readonly RAMDirectory directory = new();
    private readonly IndexWriter writer;
    private int next;

    public FuzzyCandidatesTests()
    {
        var config = IndexWriterSettings.Create(analyzers, OpenMode.CREATE);
        config.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
        writer = new IndexWriter(directory, config);
    }

    public void Dispose()
    {
        writer.Dispose();
        directory.Dispose();
        analyzers.Dispose();
    }

    [Fact]
    public void A_reopen_intersects_only_its_new_segment_and_answers_as_a_search_of_the_whole_reader()
    {
        AddTitles("The Terminator", "Terminal Velocity", "Terminator 2", "Tornado Alley");
        AddTitles("Terminus", "The Germinator");
        using var before = DirectoryReader.Open(writer, applyAllDeletes: true);
        Assert.Equal(Expected(before, "terminatr", 2), FuzzyCandidates.Find(new CatalogSearcher(before), IndexFields.Name, "terminatr", 2, 100));

        AddTitles("Terminatrix", "Terminator Genisys");
        using var after = DirectoryReader.OpenIfChanged(before, writer, applyAllDeletes: true)!;
        var unchanged = after.Leaves.Where(l => before.Leaves.Any(b => b.AtomicReader.CoreCacheKey == l.AtomicReader.CoreCacheKey)).ToList();
        var added = after.Leaves.Except(unchanged).ToList();
        Assert.Equal(2, unchanged.Count);
        Assert.Single(added);
        Assert.All(unchanged, l => Assert.True(FuzzyCandidates.IsKept(l.AtomicReader, IndexFields.Name, "terminatr", 2)));
        Assert.False(FuzzyCandidates.IsKept(added[0].AtomicReader, IndexFields.Name, "terminatr", 2));

        var found = FuzzyCandidates.Find(new CatalogSearcher(after), IndexFields.Name, "terminatr", 2, 100);

        Assert.Equal(Expected(after, "terminatr", 2), found);
        Assert.Contains(found, c => c.Term == "terminatrix" && c.Edits == 2);
        Assert.Equal(3, found.Single(c => c.Term == "terminator").DocFreq);
        Assert.True(FuzzyCandidates.IsKept(added[0].AtomicReader, IndexFields.Name, "terminatr", 2));
    }

    [Fact]
    public void Over_many_segments_every_word_gets_what_a_search_of_every_term_finds()
    {
        var random = new Random(20261126);
        for (var segment = 0; segment < 6; segment++)
            AddTitles([.. Enumerable.Range(0, 5).Select(_ => $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}")]);
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);

        foreach (var word in new[] { "terminatr", "termnal", "exterminater", "tornadoo", "germinatr", "terminus" })
        {
            foreach (var edits in new[] { 1, 2 })
                Assert.Equal(Expected(reader, word, edits), FuzzyCandidates.Find(new CatalogSearcher(reader), IndexFields.Name, word, edits, 100));
        }
    }

    private void AddTitles(params string[] names)
    {
        foreach (var name in names)
            writer.AddDocument(TitleDocumentBuilder.Build(new Title { Id = $"t{next++}", Name = name, AddedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }));
        writer.Commit();
    }

    /// <summary>Every name term sharing the word's start (first letter, or its first two swapped) within the edits, by the reader's document frequency, closest then most frequent.</summary>
    private static List<FuzzyCandidate> Expected(IndexReader reader, string word, int maxEdits)
    {
        var terms = MultiFields.GetTerms(reader, IndexFields.Name).GetEnumerator();
        var found = new List<FuzzyCandidate>();
        while (terms.MoveNext())
        {
            var term = terms.Term.Utf8ToString();
            var edits = EditDistance.Between(term, word, maxEdits);
            if (EditDistance.SameStart(term, word) && edits <= maxEdits)
                found.Add(new FuzzyCandidate(term, edits, reader.DocFreq(new Term(IndexFields.Name, term))));
        }

        return [.. found.OrderBy(c => c.Edits).ThenByDescending(c => c.DocFreq).ThenBy(c => c.Term, StringComparer.Ordinal)];
    }
}
