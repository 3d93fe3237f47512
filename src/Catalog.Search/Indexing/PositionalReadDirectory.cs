using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Catalog.Search.Indexing;

/// <summary>
/// <see cref="NIOFSDirectory"/> whose inputs read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// pread) straight from the file handle, several threads at once. Lucene.NET's NIOFS input takes a lock,
/// seeks a <see cref="FileStream"/> and asks the file's length (an fstat) around every 1 KB refill: at
/// 1,000,000 titles that was a third of search time. MMapDirectory is no alternative in this Lucene.NET
/// version (lucenenet#1151). Writing stays NIOFS's.
/// </summary>
public sealed class PositionalReadDirectory(string path) : NIOFSDirectory(path)
{
    /// <summary>Postings, term blocks and columns are read in runs: a page per refill instead of Lucene's 1 KB.</summary>
    public const int ReadBufferSize = 4096;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var (file, handle) = OpenHandle(name);
        return new PositionalReadInput($"PositionalReadInput(path=\"{file}\")", handle, 0, RandomAccess.GetLength(handle), BufferSize(context), ownsHandle: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var (file, handle) = OpenHandle(name);
        return new Slicer(file, handle, BufferSize(context));
    }

    private static int BufferSize(IOContext context) => Math.Max(BufferedIndexInput.GetBufferSize(context), ReadBufferSize);

    private (string File, SafeFileHandle Handle) OpenHandle(string name)
    {
        var file = Path.Combine(Directory.FullName, name);
        return (file, File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
    }

    /// <summary>Slices of a compound file share the compound file's handle, which the slicer owns.</summary>
    private sealed class Slicer(string file, SafeFileHandle handle, int bufferSize) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalReadInput($"PositionalReadInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})", handle, offset, length, bufferSize, ownsHandle: false);

        [Obsolete("Only for reading compound files of Lucene 3.x indexes, which this index never has.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                handle.Dispose();
        }
    }
}

/// <summary>A buffered input over a byte range of a file handle; clones share the handle and never close it.</summary>
internal sealed class PositionalReadInput(string description, SafeFileHandle handle, long start, long length, int bufferSize, bool ownsHandle)
    : BufferedIndexInput(description, bufferSize)
{
    private bool ownsHandle = ownsHandle;
    private int disposed;

    public override long Length => length;

    public override object Clone()
    {
        var clone = (PositionalReadInput)base.Clone();
        clone.ownsHandle = false;
        return clone;
    }

    protected override void ReadInternal(byte[] b, int offset, int len)
    {
        var position = Position;
        if (position + len > length)
            throw new EndOfStreamException($"read past EOF: {this} (position {position}, {len} bytes, length {length})");
        var target = b.AsSpan(offset, len);
        for (var at = start + position; !target.IsEmpty;)
        {
            var read = RandomAccess.Read(handle, target, at);
            if (read <= 0)
                throw new EndOfStreamException($"read past EOF: {this} (the file ended at {at})");
            at += read;
            target = target[read..];
        }
    }

    /// <summary>Nothing to move: every read names its own position.</summary>
    protected override void SeekInternal(long pos)
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0 && disposing && ownsHandle)
            handle.Dispose();
    }
}
