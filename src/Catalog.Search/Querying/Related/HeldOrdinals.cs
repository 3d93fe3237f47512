namespace Catalog.Search.Querying.Related;

/// <summary>
/// The segment ordinals of one field's related features, with their weight and feature index. A title's
/// values are looked up here for every posting the ranking visits and nearly all of them miss, so a 4096-bit
/// mask of the ordinals answers most misses with one bit test before the dictionary is asked.
/// </summary>
internal sealed class HeldOrdinals
{
    private const int MaskBits = 4096;

    private readonly ulong[] mask = new ulong[MaskBits / 64];
    private readonly Dictionary<int, (float Weight, int Feature)> values = [];

    public void Add(int ordinal, float weight, int feature)
    {
        mask[(ordinal & (MaskBits - 1)) >> 6] |= 1UL << ordinal;
        values[ordinal] = (weight, feature);
    }

    public bool TryGet(int ordinal, out (float Weight, int Feature) value)
    {
        if ((mask[(ordinal & (MaskBits - 1)) >> 6] & (1UL << ordinal)) == 0)
        {
            value = default;
            return false;
        }

        return values.TryGetValue(ordinal, out value);
    }
}
