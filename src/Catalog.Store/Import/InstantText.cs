namespace Catalog.Store.Import;

/// <summary>
/// Instants and dates as UTF-8 text in Microsoft.Data.Sqlite's formats (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>,
/// <c>yyyy-MM-dd</c>), written without the culture-aware custom-format parser, which cost the import's writer
/// as much as binding the other columns together.
/// </summary>
internal static class InstantText
{
    public const int MaxLength = 27;

    /// <summary>Writes <paramref name="instant"/> into <paramref name="utf8"/> (at least <see cref="MaxLength"/> bytes); returns the length.</summary>
    public static int Format(DateTime instant, Span<byte> utf8)
    {
        Date(instant.Year, instant.Month, instant.Day, utf8);
        utf8[10] = (byte)' ';
        Digits(instant.Hour, utf8.Slice(11, 2));
        utf8[13] = (byte)':';
        Digits(instant.Minute, utf8.Slice(14, 2));
        utf8[16] = (byte)':';
        Digits(instant.Second, utf8.Slice(17, 2));

        // F digits: trailing zeros are dropped, and the point too when nothing is left.
        var fraction = (int)(instant.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
            return 19;
        var digits = 7;
        for (; fraction % 10 == 0; digits--)
            fraction /= 10;
        utf8[19] = (byte)'.';
        Digits(fraction, utf8.Slice(20, digits));
        return 20 + digits;
    }

    public static void Date(int year, int month, int day, Span<byte> utf8)
    {
        Digits(year, utf8[..4]);
        utf8[4] = (byte)'-';
        Digits(month, utf8.Slice(5, 2));
        utf8[7] = (byte)'-';
        Digits(day, utf8.Slice(8, 2));
    }

    /// <summary>The last <c>into.Length</c> decimal digits of <paramref name="value"/>, zero-padded.</summary>
    private static void Digits(int value, Span<byte> into)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10)
            into[i] = (byte)('0' + (value % 10));
    }
}
