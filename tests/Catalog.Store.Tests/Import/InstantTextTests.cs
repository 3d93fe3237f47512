using System.Globalization;
using System.Text;
using Catalog.Store.Import;

namespace Catalog.Store.Tests.Import;

/// <summary>The import's own instant and date text equals the .NET custom formats Microsoft.Data.Sqlite binds with.</summary>
public sealed class InstantTextTests
{
    [Fact]
    public void Instants_and_dates_are_written_as_the_custom_formats_write_them()
    {
        var random = new Random(16);
        var instants = new List<DateTime>
        {
            DateTime.MinValue, DateTime.MaxValue, new(2026, 12, 2, 16, 38, 59, DateTimeKind.Utc),
            new DateTime(2026, 12, 2, 16, 38, 59, DateTimeKind.Utc).AddTicks(6346969), new DateTime(1, 1, 1).AddTicks(1),
            new DateTime(2000, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1_000_000), new DateTime(999, 9, 9).AddTicks(120),
        };
        instants.AddRange(Enumerable.Range(0, 20_000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc)));
        // Fractions with trailing zeros of every length.
        instants.AddRange(Enumerable.Range(0, 8).Select(zeros => new DateTime(2025, 1, 1).AddTicks(1_234_567 / (int)Math.Pow(10, zeros) * (int)Math.Pow(10, zeros))));

        Span<byte> utf8 = stackalloc byte[InstantText.MaxLength];
        foreach (var instant in instants)
        {
            Assert.Equal(instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(utf8[..InstantText.Format(instant, utf8)]));
            var date = DateOnly.FromDateTime(instant);
            InstantText.Date(date.Year, date.Month, date.Day, utf8);
            Assert.Equal(date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(utf8[..10]));
        }
    }
}
