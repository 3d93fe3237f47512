using System.Globalization;
using Catalog.Core.Feed;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Catalog.Search.Indexing;

/// <summary>Outcome of comparing the committed index with the store: no differences means equal.</summary>
public sealed record IndexVerification(long Titles, long StoreSequence, long IndexSequence, long DifferenceCount, IReadOnlyList<string> Differences)
{
    public bool Matches => DifferenceCount == 0;
}

/// <summary>
/// Compares the index generation the pointer names, as last committed, with the store: every title present
/// exactly once with the store's name, rating aggregate and tags, no other documents, and the applied
/// change-log sequence equal to the store's newest. Read-only: it never opens an index writer, so it can
/// run next to a serving process (whose last commit may then trail by its commit interval).
/// </summary>
public static class IndexVerifier
{
    private const int MaxListed = 20;

    private sealed record Indexed(string? Name, long RatingCount, double RatingSum, string Tags);

    public static async Task<IndexVerification> VerifyAsync(IndexLayout layout, ITitleFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(feed);
        var differences = new List<string>();
        long count = 0;
        void Differ(string what)
        {
            count++;
            if (differences.Count < MaxListed)
                differences.Add(what);
        }

        var storeSequence = await feed.LatestSequenceAsync(cancellationToken);
        if (layout.ReadPointer() is not { } generation)
        {
            Differ($"no index under {layout.Root} (no '{IndexLayout.PointerFile}' pointer)");
            return new IndexVerification(0, storeSequence, 0, count, differences);
        }

        var (documents, indexSequence) = ReadCommitted(layout.PathOf(generation), Differ);
        if (indexSequence != storeSequence)
            Differ($"index applied change {indexSequence}, the store's newest change is {storeSequence}");

        long titles = 0;
        await foreach (var title in feed.ReadAllAsync(cancellationToken))
        {
            titles++;
            if (!documents.Remove(title.Id, out var indexed))
            {
                Differ($"title '{title.Id}' is in the store but not in the index");
                continue;
            }

            var expected = new Indexed(title.Name, title.RatingCount, title.RatingSum, Tags(title.Tags.Select(FieldValues.Tag)));
            if (indexed != expected)
                Differ($"title '{title.Id}': index has {indexed}, store has {expected}");
        }

        foreach (var extra in documents.Keys.Order(StringComparer.Ordinal))
            Differ($"title '{extra}' is in the index but not in the store");
        return new IndexVerification(titles, storeSequence, indexSequence, count, differences);
    }

    private static (Dictionary<string, Indexed> Documents, long Sequence) ReadCommitted(string path, Action<string> differ)
    {
        using var directory = new MappedFileDirectory(path);
        using var reader = DirectoryReader.Open(directory);
        var sequence = reader.IndexCommit.UserData.TryGetValue(IndexGeneration.SequenceKey, out var text)
            && long.TryParse(text, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var documents = new Dictionary<string, Indexed>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var live = atomic.LiveDocs;
            // Decoded as searches decode them, so the verifier checks what search reads.
            var ratingCounts = SegmentColumns.Longs(atomic, IndexFields.RatingCount);
            var ratingSums = SegmentColumns.Longs(atomic, IndexFields.RatingSum);
            var tags = atomic.GetSortedSetDocValues(IndexFields.Tag);
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                    continue;
                var stored = atomic.Document(doc);
                var id = stored.Get(IndexFields.Id);
                var indexed = new Indexed(stored.Get(IndexFields.Name), ratingCounts?[doc] ?? SegmentColumns.Missing,
                    BitConverter.Int64BitsToDouble(ratingSums?[doc] ?? SegmentColumns.Missing), Tags(TagsOf(tags, doc)));
                if (id is null)
                    differ($"a document without an id ({indexed})");
                else if (!documents.TryAdd(id, indexed))
                    differ($"title '{id}' is in the index more than once");
            }
        }

        return (documents, sequence);
    }

    private static List<string> TagsOf(SortedSetDocValues? values, int doc)
    {
        var result = new List<string>();
        if (values is null)
            return result;
        values.SetDocument(doc);
        var bytes = new BytesRef();
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
        {
            values.LookupOrd(ord, bytes);
            result.Add(bytes.Utf8ToString());
        }

        return result;
    }

    private static string Tags(IEnumerable<string> tags) => string.Join('|', tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
