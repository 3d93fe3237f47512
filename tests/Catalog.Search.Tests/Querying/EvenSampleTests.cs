using Catalog.Search.Querying.Facets;
using CsCheck;
using Lucene.Net.Util;

namespace Catalog.Search.Tests.Querying;

/// <summary>
/// The facet sample walks the match sets a word at a time; it must take exactly the positions the sampling rule names
/// (position p when floor((p + 1) × limit / matches) passes floor(p × limit / matches)), whatever the sets' density.
/// </summary>
public sealed class EvenSampleTests
{
    [Fact]
    public void The_walk_a_word_at_a_time_takes_the_positions_the_rule_names()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var sets = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => RandomSet(random)).ToList();
            var docs = sets.Select(set => Docs(set)).ToList();
            var matches = docs.Sum(d => (long)d.Count);
            var limit = 1 + random.Next((int)Math.Max(1, matches));

            var sample = new EvenSample(matches, limit);
            var taken = sets.Select(set =>
            {
                var into = new List<int>();
                sample.Take(set, into);
                return into;
            }).ToList();

            var position = 0L;
            var expected = docs.Select(d => d.Where(_ =>
            {
                var take = (position + 1) * limit / matches > position * limit / matches;
                position++;
                return take;
            }).ToList()).ToList();
            Assert.Equal(expected, taken);
            Assert.Equal(Math.Min(limit, matches), taken.Sum(t => t.Count));
        }, iter: 300);
    }

    private static FixedBitSet RandomSet(Random random)
    {
        var length = 1 + random.Next(3000);
        var density = random.NextDouble();
        var set = new FixedBitSet(length);
        for (var doc = 0; doc < length; doc++)
        {
            if (random.NextDouble() < density)
                set.Set(doc);
        }

        return set;
    }

    private static List<int> Docs(FixedBitSet set) => [.. Enumerable.Range(0, set.Length).Where(set.Get)];
}
