using Catalog.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Catalog.Search.Indexing;

/// <summary>The field objects of one field name and kind, handed out again for every document.</summary>
internal sealed class FieldSlots(Func<Field> create)
{
    private readonly List<Field> fields = [];
    private readonly List<BytesRef> bytes = [];
    private int used;

    public void Reset() => used = 0;

    public Field Next(string value)
    {
        var field = Take();
        field.SetStringValue(value);
        return field;
    }

    /// <summary>The value as UTF-8 bytes (doc values) in this slot's own buffer: the writer copies them.</summary>
    public Field NextBytes(string value)
    {
        var field = Take();
        if (bytes.Count < used)
            bytes.Add(new BytesRef());
        var buffer = bytes[used - 1];
        buffer.CopyChars(value);
        field.SetBytesValue(buffer);
        return field;
    }

    public Field Next(IEnumerable<RecordedTokens> values)
    {
        var field = Take();
        ((RecordedTokenStream)field.GetTokenStreamValue()).Load(values);
        return field;
    }

    public Field Next(List<string> values)
    {
        var field = Take();
        ((ValuesTokenStream)field.GetTokenStreamValue()).Load(values);
        return field;
    }

    public Field Next(BytesRef value)
    {
        var field = Take();
        field.SetBytesValue(value);
        return field;
    }

    private Field Take()
    {
        if (used == fields.Count)
            fields.Add(create());
        return fields[used++];
    }
}
