using System.Globalization;
using Catalog.Core.Titles;
using Catalog.Search.Analysis;
using Catalog.Search.Querying.Execution;
using Catalog.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Catalog.Search.Indexing;

/// <summary>
/// One generation folder opened for serving and updating: its writer, its near-real-time searchers and
/// the change-log sequence its last commit recorded. Reference-counted so a generation that has been
/// swapped out stays open until the last query holding one of its searchers is done, then is deleted.
/// </summary>
internal sealed class IndexGeneration : IDisposable
{
    public const string SequenceKey = "sequence";

    /// <summary>Commit data holding <see cref="IndexFields.Version"/>; generations from before it have none (version 1).</summary>
    public const string SchemaKey = "schema";

    private readonly MappedFileDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly ThreadLocal<TitleDocumentBuilder> builders = new(() => new TitleDocumentBuilder());
    private int references = 1;
    private long lastCommit = Environment.TickCount64;
    private bool deleteWhenReleased;

    private IndexGeneration(string name, string path, MappedFileDirectory directory, IndexWriter writer)
    {
        Name = name;
        Path = path;
        this.directory = directory;
        this.writer = writer;
        AppliedSequence = CommittedSequence = ReadSequence(writer.CommitData);
        searchers = new SearcherManager(writer, true, CatalogSearcherFactory.Instance);
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>The change-log sequence searches see.</summary>
    public long AppliedSequence { get; private set; }

    /// <summary>The change-log sequence of the last commit: a restart resumes the change log from here.</summary>
    public long CommittedSequence { get; private set; }

    /// <summary>Opens an existing, committed generation. Throws when it is missing or unreadable.</summary>
    public static IndexGeneration Open(IndexLayout layout, string name, CatalogAnalyzers analyzers) =>
        Create(layout, name, analyzers, OpenMode.APPEND);

    /// <summary>Creates an empty generation (the caller fills and commits it).</summary>
    public static IndexGeneration CreateEmpty(IndexLayout layout, string name, CatalogAnalyzers analyzers) =>
        Create(layout, name, analyzers, OpenMode.CREATE);

    /// <summary>
    /// Adds the titles' documents as one block: the writer takes its locks and checks its flush state once per block
    /// instead of once per title, where two indexing threads met on them for every document. The documents are built
    /// one at a time as the writer asks for them (it is done with one before it takes the next, so the builder's one
    /// document serves them all). Safe from several threads at once (each builds with its own fields).
    /// </summary>
    public void AddAll(IReadOnlyList<Title> titles)
    {
        var builder = builders.Value!;
        writer.AddDocuments(titles.Select(builder.Document));
    }

    /// <summary>
    /// From now until the first commit, every <see cref="AddAll"/> call ends by writing its thread's buffered documents
    /// as a segment, on that thread. The full build calls it when each indexing thread holds only its last batch, so
    /// the threads write their segments at the same time; the commit would otherwise write them one after the other
    /// on one thread.
    /// </summary>
    public void CloseSegmentsOnNextBatch() => writer.Config.MaxBufferedDocs = IndexWriterSettings.SmallestSegment;

    public void Upsert(Title title) => writer.UpdateDocument(TitleDocumentBuilder.IdTerm(title.Id), builders.Value!.Document(title));

    public void Delete(string titleId) => writer.DeleteDocuments(TitleDocumentBuilder.IdTerm(titleId));

    /// <summary>Commits what was written with <paramref name="sequence"/> as the applied change, then refreshes searchers.</summary>
    public void Commit(long sequence)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = IndexFields.Version.ToString(CultureInfo.InvariantCulture),
        });
        writer.Commit();
        IndexWriterSettings.Serving(writer.Config); // the bulk part of a new generation is over
        CommittedSequence = sequence;
        lastCommit = Environment.TickCount64;
        Publish(sequence);
    }

    /// <summary>
    /// Makes what was written searchable (a near-real-time reader) without committing it: a commit syncs
    /// files to disk and took 50-600 ms at 1M titles, an edit must be visible within a second, and the
    /// change log replays whatever a crash loses from after <see cref="CommittedSequence"/>.
    /// </summary>
    public void Publish(long sequence)
    {
        AppliedSequence = sequence;
        searchers.MaybeRefreshBlocking();
    }

    /// <summary>Commits published changes once the last commit is at least <paramref name="age"/> old (zero: now).</summary>
    public void CommitPublished(TimeSpan age)
    {
        if (AppliedSequence != CommittedSequence && Environment.TickCount64 - lastCommit >= age.TotalMilliseconds)
            Commit(AppliedSequence);
    }

    /// <summary>Adds a reference unless the generation is already released for good.</summary>
    public bool TryRetain()
    {
        while (true)
        {
            var current = Volatile.Read(ref references);
            if (current == 0)
                return false;
            if (Interlocked.CompareExchange(ref references, current + 1, current) == current)
                return true;
        }
    }

    public SearcherLease AcquireRetained()
    {
        var searcher = (CatalogSearcher)searchers.Acquire();
        return new SearcherLease(searcher, s =>
        {
            searchers.Release(s);
            Release();
        });
    }

    public int DocumentCount()
    {
        var searcher = searchers.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public long SizeBytes() =>
        new DirectoryInfo(Path).EnumerateFiles().Sum(f => f.Exists ? f.Length : 0);

    /// <summary>Drops the owner's reference; with <paramref name="delete"/> the folder goes once the last reader is done.</summary>
    public void Retire(bool delete)
    {
        deleteWhenReleased = delete;
        Release();
    }

    public void Dispose() => Retire(delete: false);

    private static IndexGeneration Create(IndexLayout layout, string name, CatalogAnalyzers analyzers, OpenMode mode)
    {
        var path = layout.PathOf(name);
        var directory = new MappedFileDirectory(path);
        IndexWriter? writer = null;
        try
        {
            if (mode == OpenMode.APPEND && !DirectoryReader.IndexExists(directory))
                throw new IndexNotFoundException($"no committed index in {path}");
            writer = new IndexWriter(directory, IndexWriterSettings.Create(analyzers, mode));
            if (mode == OpenMode.APPEND && ReadSchema(writer.CommitData) != IndexFields.Version)
                throw new InvalidDataException($"{path} holds documents of index schema {ReadSchema(writer.CommitData)}, this build reads {IndexFields.Version}");
            return new IndexGeneration(name, path, directory, writer);
        }
        catch
        {
            writer?.Rollback();
            directory.Dispose();
            throw;
        }
    }

    private static int ReadSchema(IDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(SchemaKey, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var version)
            ? version
            : 1;

    private static long ReadSequence(IDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(SequenceKey, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;

    private void Release()
    {
        if (Interlocked.Decrement(ref references) != 0)
            return;
        searchers.Dispose();
        try
        {
            // Everything was committed by Commit; rolling back only discards what a failed build left buffered
            // and releases the write lock without the dispose-time commit that can leak it (TECH-NOTES).
            writer.Rollback();
        }
        catch (IOException)
        {
            // The folder is already gone (deleted by hand or by another process): nothing left to release.
        }

        directory.Dispose();
        builders.Dispose();
        if (deleteWhenReleased)
            IndexLayout.TryDelete(Path);
    }
}
