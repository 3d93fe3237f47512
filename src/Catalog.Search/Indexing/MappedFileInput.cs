using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Lucene.Net.Store;

namespace Catalog.Search.Indexing;

/// <summary>
/// An input reading a byte range of a <see cref="FileMapping"/> straight through a pointer: no buffer to refill,
/// no system call, no copy but the caller's. Clones (Lucene makes one per term lookup and postings list) copy
/// the fields and share the mapping; disposing any input only makes that input unreadable, the mapping stays
/// for as long as some input references it (see <see cref="FileMapping"/>).
/// </summary>
/// <remarks>
/// Every read ends with <c>GC.KeepAlive(this)</c>: the pointer is used after the last field access, and without
/// it the collector could find this input (hence the mapping) unreachable in the middle of a read.
/// </remarks>
internal sealed unsafe class MappedFileInput : IndexInput
{
    private const int MaxVInt32Bytes = 5;
    private const int MaxVInt64Bytes = 9;

    private readonly FileMapping mapping;
    private byte* data;
    private long length;
    private long position;
    private bool disposed;

    public MappedFileInput(string description, FileMapping mapping, long offset, long length)
        : base(description)
    {
        if (offset < 0 || length < 0 || offset + length > mapping.Length)
            throw new ArgumentOutOfRangeException(nameof(length), $"slice {offset}:{offset + length} is outside {description} (length {mapping.Length})");
        this.mapping = mapping;
        data = mapping.Start + offset;
        this.length = length;
    }

    public override long Length => length;

    public override long Position => position;

    public override void Seek(long pos)
    {
        if ((ulong)pos > (ulong)length)
            ThrowOutside(pos, 0);
        position = pos;
    }

    public override byte ReadByte()
    {
        var at = position;
        if (at >= length)
            ThrowOutside(at, 1);
        var value = data[at];
        position = at + 1;
        GC.KeepAlive(this);
        return value;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        var target = b.AsSpan(offset, len); // before Take: a bad range must not move the position
        new ReadOnlySpan<byte>(Take(len), len).CopyTo(target);
        GC.KeepAlive(this);
    }

    public override short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(Take(sizeof(short)), sizeof(short)));
        GC.KeepAlive(this);
        return value;
    }

    public override int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(Take(sizeof(int)), sizeof(int)));
        GC.KeepAlive(this);
        return value;
    }

    public override long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(Take(sizeof(long)), sizeof(long)));
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>Decoded in place when the longest encoding fits before the end; near the end byte by byte, checked.</summary>
    public override int ReadVInt32()
    {
        if (length - position < MaxVInt32Bytes)
            return base.ReadVInt32();
        var bytes = data + position;
        var value = 0;
        for (var i = 0; i < MaxVInt32Bytes - 1; i++)
        {
            int b = bytes[i];
            value |= (b & 0x7F) << (7 * i);
            if (b < 0x80)
                return Advance(i + 1, value);
        }

        int last = bytes[MaxVInt32Bytes - 1];
        position += MaxVInt32Bytes;
        GC.KeepAlive(this);
        return (last & 0xF0) == 0 ? value | (last << 28) : throw new IOException("Invalid VInt32 detected (too many bits)");
    }

    public override long ReadVInt64()
    {
        if (length - position < MaxVInt64Bytes)
            return base.ReadVInt64();
        var bytes = data + position;
        var value = 0L;
        for (var i = 0; i < MaxVInt64Bytes; i++)
        {
            long b = bytes[i];
            value |= (b & 0x7F) << (7 * i);
            if (b < 0x80)
                return Advance(i + 1, value);
        }

        position += MaxVInt64Bytes;
        throw new IOException("Invalid VInt64 detected (negative values disallowed)");
    }

    public override void SkipBytes(long numBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
        if (numBytes > length - position)
            ThrowOutside(position, numBytes);
        position += numBytes;
    }

    protected override void Dispose(bool disposing)
    {
        // The mapping stays referenced: a clone of this input may still be reading it.
        disposed = true;
        data = null;
        length = 0;
        position = 0;
    }

    /// <summary>The address of the next <paramref name="count"/> bytes, which the position moves past.</summary>
    private byte* Take(int count)
    {
        var at = position;
        if ((ulong)count > (ulong)(length - at))
            ThrowOutside(at, count);
        position = at + count;
        return data + at;
    }

    private T Advance<T>(int bytes, T value)
    {
        position += bytes;
        GC.KeepAlive(this);
        return value;
    }

    [DoesNotReturn]
    private void ThrowOutside(long at, long count)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(at);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        throw new EndOfStreamException($"read past EOF: {this} (position {at}, {count} bytes, length {length})");
    }
}
