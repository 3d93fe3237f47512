using Catalog.Api.Tests.Fixtures;
using Catalog.Core.Reviews;
using Catalog.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>Direct store writes for arranging review scenarios the API cannot create quickly (votes, dates).</summary>
public static class ApiSeeding
{
    public static async Task SeedReviewsAsync(this CatalogApiFactory api, params Review[] reviews)
    {
        await using var db = api.Services.GetRequiredService<ICatalogDbFactory>().Create();
        db.Reviews.AddRange(reviews);
        await db.SaveChangesAsync();
    }

    public static Review NewReview(string id, string titleId, int rating, int helpful, int unhelpful, int daysAgo) => new()
    {
        Id = id, TitleId = titleId, AuthorId = "author-" + id, AuthorName = "Author " + id, Rating = rating, Body = "Body of " + id,
        HelpfulVotes = helpful, UnhelpfulVotes = unhelpful, CreatedAt = CatalogApiFactory.FixedNow.UtcDateTime.AddDays(-daysAgo),
    };

    public static IReadOnlyList<string?> Strings(this System.Text.Json.JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString())];
}
