using Lucene.Net.Store;

namespace Catalog.Search.Indexing;

/// <summary>
/// <see cref="NIOFSDirectory"/> whose inputs read memory-mapped files through raw pointers
/// (<see cref="MappedFileInput"/>): a term-block load or a postings start is a pointer move, not a system call
/// and a copy into a buffer. Lucene.NET's own MMapDirectory reads through a ByteBuffer abstraction that made
/// parallel search many times slower (lucenenet#1151). Writing stays NIOFS's.
/// </summary>
/// <remarks>
/// Mapped pages of the index count in the resident memory of the process once touched (they are page cache,
/// shared and reclaimable). Files Lucene deletes stay mapped until a garbage collection (see <see cref="FileMapping"/>).
/// </remarks>
public sealed class MappedFileDirectory(string path) : NIOFSDirectory(path)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var mapping = FileMapping.Open(file);
        return new MappedFileInput($"MappedFileInput(path=\"{file}\")", mapping, 0, mapping.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        return new Slicer(file, FileMapping.Open(file));
    }

    /// <summary>Slices of a compound file share its one mapping, which outlives the slicer while slices read it.</summary>
    private sealed class Slicer(string file, FileMapping mapping) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new MappedFileInput($"MappedFileInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})", mapping, offset, length);

        [Obsolete("Only for reading compound files of Lucene 3.x indexes, which this index never has.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, mapping.Length);

        protected override void Dispose(bool disposing)
        {
        }
    }
}
