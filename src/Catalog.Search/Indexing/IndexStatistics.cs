using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Catalog.Search.Indexing;

/// <summary>What is on disk, read without taking the write lock (safe while a server runs): for <c>catalog stats</c>.</summary>
public sealed record IndexStatistics(string Generation, int Documents, long Sequence, long SizeBytes)
{
    /// <summary>The generation the pointer names, or null when there is none or it cannot be read.</summary>
    public static IndexStatistics? Read(IndexLayout layout)
    {
        if (layout.ReadPointer() is not { } generation)
            return null;
        var path = layout.PathOf(generation);
        try
        {
            using var directory = new MappedFileDirectory(path);
            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            var sequence = data.TryGetValue(IndexGeneration.SequenceKey, out var text) && long.TryParse(text, out var s) ? s : 0;
            var size = new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);
            return new IndexStatistics(generation, reader.NumDocs, sequence, size);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
