using Catalog.Core.Reviews;

namespace Catalog.Core.Tests.Reviews;

public sealed class ReviewOrderingTests
{
    private static readonly DateTime Day = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ReviewSortKey Key(string id, int rating, int day, int helpful, int unhelpful) =>
        new(id, "t", rating, Day.AddDays(day), helpful, unhelpful);

    private static string[] Ids(ReviewOrder order, params ReviewSortKey[] keys) => [.. ReviewOrdering.Sort(keys, order).Select(k => k.Id)];

    [Fact]
    public void Helpfulness_ranks_by_the_Wilson_bound_not_the_share()
    {
        // 2 of 2 helpful proves less than 100 of 101.
        Assert.Equal(["many", "few"], Ids(ReviewOrder.Helpfulness, Key("few", 5, 0, 2, 0), Key("many", 5, 0, 100, 1)));
    }

    [Fact]
    public void Helpfulness_ties_go_to_more_votes_then_newer_then_id()
    {
        // Without votes every bound is 0: newer first, then the id keeps pages stable.
        Assert.Equal(["zero-votes-new", "a-old", "b-old"], Ids(ReviewOrder.Helpfulness, Key("b-old", 5, 0, 0, 0), Key("zero-votes-new", 5, 3, 0, 0), Key("a-old", 5, 0, 0, 0)));
        // Same bound (0) with more votes wins over newer.
        Assert.Equal(["voted", "new"], Ids(ReviewOrder.Helpfulness, Key("new", 5, 9, 0, 0), Key("voted", 5, 0, 0, 3)));
    }

    [Fact]
    public void Rating_orders_break_ties_by_newer_and_date_orders_by_id()
    {
        ReviewSortKey[] keys = [Key("low", 2, 0, 0, 0), Key("high-old", 9, 0, 0, 0), Key("high-new", 9, 5, 0, 0)];

        Assert.Equal(["high-new", "high-old", "low"], Ids(ReviewOrder.RatingHigh, keys));
        Assert.Equal(["low", "high-new", "high-old"], Ids(ReviewOrder.RatingLow, keys));
        Assert.Equal(["high-new", "high-old", "low"], Ids(ReviewOrder.Newest, keys));
        Assert.Equal(["high-old", "low", "high-new"], Ids(ReviewOrder.Oldest, keys));
    }
}
