using Catalog.Core.Titles;
using Catalog.Search.Querying.Related;

namespace Catalog.Search.Tests.Querying;

/// <summary>How the related ranking stops early must never drop a title that belongs in the answer.</summary>
public sealed class RelatedPruningTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly SearchHarness harness = SearchHarness.Of(Catalog(), Now);

    [Fact]
    public async Task A_title_sharing_a_common_value_heavier_than_a_distinctive_one_is_still_found()
    {
        // Of 200 titles, the seed's tag "rare" (20 titles) and "mid" (60) are distinctive (at most 64), its
        // person "star" (70) is not but weighs more than "mid". The 19 other "rare" titles fill the answer
        // first; "both" shares "mid" and "star" and outscores them, so "mid" must still be read.
        var similar = await harness.Search.SimilarAsync("seed", 10);

        Assert.Equal("both", similar[0]);
        Assert.Equal(10, similar.Count);
    }

    [Fact]
    public void Held_ordinals_answer_only_the_added_ones_whatever_their_mask_bit()
    {
        var held = new HeldOrdinals();
        held.Add(5, 2f, 0);
        held.Add(4096 + 7, 3f, 1);

        Assert.True(held.TryGet(5, out var five));
        Assert.Equal((2f, 0), five);
        Assert.True(held.TryGet(4096 + 7, out var other));
        Assert.Equal((3f, 1), other);
        Assert.False(held.TryGet(4096 + 5, out _)); // same mask bit as 5
        Assert.False(held.TryGet(7, out _));
        Assert.False(held.TryGet(6, out _));
    }

    public void Dispose() => harness.Dispose();

    private static List<Title> Catalog()
    {
        Title Titled(string id, List<string> tags, List<string> cast) =>
            new() { Id = id, Name = $"title {id}", AddedAt = Now.AddDays(-30), Genres = ["Drama"], Tags = tags, Cast = cast };

        return
        [
            Titled("seed", ["rare", "mid"], ["star"]),
            Titled("both", ["mid"], ["star"]),
            .. Enumerable.Range(0, 19).Select(i => Titled($"r{i}", ["rare"], [])),
            .. Enumerable.Range(0, 58).Select(i => Titled($"m{i}", ["mid"], [])),
            .. Enumerable.Range(0, 68).Select(i => Titled($"s{i}", ["other"], ["star"])),
            .. Enumerable.Range(0, 53).Select(i => Titled($"f{i}", ["other"], [])),
        ];
    }
}
