using Catalog.Core;
using Catalog.Core.Rails;
using Catalog.Core.Search;
using Catalog.Core.Titles;
using Catalog.Store.Tests.Import;
using Catalog.Store.Tests.Import.Vega;
using Xunit.Abstractions;

namespace Catalog.Store.Tests.Sample;

public sealed class SampleCatalogTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_committed_sample_is_what_the_derivation_produces()
    {
        VegaDataset.SkipUnlessPresent();

        var derived = await SampleCatalogDerivation.DeriveAsync(VegaDataset.Path);
        output.WriteLine(SampleCatalogDerivation.Describe(derived.Vega));
        if (Environment.GetEnvironmentVariable("CATALOG_UPDATE_SAMPLE") == "1")
            await File.WriteAllTextAsync(SampleCatalogDerivation.CommittedPath, derived.Json);

        var committed = await File.ReadAllTextAsync(SampleCatalogDerivation.CommittedPath);
        Assert.True(committed == derived.Json, "data/catalog.json differs from the derivation; rerun with CATALOG_UPDATE_SAMPLE=1 to rewrite it.");
    }

    [Fact]
    public async Task At_its_as_of_date_the_sample_fills_every_rail_by_the_spec_definitions()
    {
        await using var h = await ImportHarness.CreateAsync(SampleSchedule.AsOf);
        var summary = await h.ImportAsync(SampleCatalogDerivation.CommittedPath);
        var titles = await h.TitlesAsync();
        Assert.Equal((titles.Count, 0, 0), (summary.Inserted, summary.Rejected.Count, summary.Warnings.Count));

        var asOf = new DateTimeOffset(SampleSchedule.AsOf);
        var today = DateOnly.FromDateTime(SampleSchedule.AsOf);
        var rails = Enum.GetValues<Rail>().ToDictionary(r => r, r => titles.Where(RailWindow.For(r, asOf, new RailOptions()).Includes).ToList());
        foreach (var (rail, members) in rails)
            output.WriteLine($"{rail}: {members.Count}");

        Assert.All(rails.Values, members => Assert.NotEmpty(members));
        Assert.Contains(rails[Rail.RecentlyAdded], t => t.ReleaseYear < 2000);
        Assert.All(rails[Rail.NewArrivals], t => Assert.Contains(t, rails[Rail.RecentlyAdded]));
        Assert.All(rails[Rail.NewArrivals], t => Assert.InRange(t.EffectiveReleaseDate!.Value, today.AddDays(-365), today));
        Assert.True(rails[Rail.NewArrivals].Count < rails[Rail.RecentlyAdded].Count);
        Assert.All(rails[Rail.NewReleases], t => Assert.True(t.AddedAt <= SampleSchedule.AsOf));
        Assert.Contains(rails[Rail.ComingSoon], t => t.EffectiveReleaseDate > today);
        Assert.Contains(rails[Rail.ComingSoon], t => t.EffectiveReleaseDate < today.AddYears(-1));
        Assert.All(rails[Rail.LeavingSoon], t => Assert.InRange(t.AvailableUntil!.Value, SampleSchedule.AsOf, SampleSchedule.AsOf.AddDays(30)));
        Assert.All(titles, t => Assert.True(t.EffectiveReleaseDate!.Value.ToDateTime(TimeOnly.MinValue) < t.AddedAt, t.Id));
        Assert.All(titles, t => Assert.True(t.ReleaseYear <= 2011, t.Id));
        Assert.All(titles, t => Assert.Empty(t.Trailers));
        Assert.All(titles, t => Assert.Null(t.Synopsis));
    }
}
