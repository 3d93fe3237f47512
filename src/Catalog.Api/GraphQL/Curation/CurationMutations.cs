using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Titles;
using Catalog.Core.Search;
using Catalog.Store.Writes;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Curation;

public static class CurationMutations
{
    public static void AddCurationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<TitleType>>("upsertTitle")
            .Description("Curator. Creates or updates a title; search sees the change within a second.")
            .Argument<NonNullGraphType<TitleInputType>>("input")
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                var edit = TitleInputType.ToEdit(c.GetArgument<Dictionary<string, object?>>("input"));
                var saved = await WriteErrors.RunAsync(() => c.Service<TitleEditor>().UpsertAsync(edit, c.CancellationToken));
                return await ReloadAsync(c, saved.Id);
            });

        mutation.Field<NonNullGraphType<TitleType>>("setTags")
            .Description("Curator. Replaces the title's tags (trimmed, lower-cased, de-duplicated; at most 100 of 100 characters).")
            .Argument<NonNullGraphType<IdGraphType>>("titleId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags")
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                var titleId = c.GetArgument<string>("titleId");
                var tags = c.GetArgument<List<string>>("tags");
                await WriteErrors.RunAsync(() => c.Service<TitleEditor>().SetTagsAsync(titleId, tags, c.CancellationToken));
                return await ReloadAsync(c, titleId);
            });

        mutation.Field<NonNullGraphType<ReindexJobType>>("startReindex")
            .Description("Curator. Rebuilds the index from the store while searches go on; follow it with Query.reindexJob.")
            .Resolve(c =>
            {
                Caller.RequireCurator(c);
                return ReindexJobs(c).Start();
            });
    }

    public static void AddCurationQueries(this ObjectGraphType query) =>
        query.Field<ReindexJobType>("reindexJob")
            .Description("Curator. A reindex job by id; null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c =>
            {
                Caller.RequireCurator(c);
                return ReindexJobs(c).Find(c.GetArgument<string>("id"));
            });

    private static IReindexJobs ReindexJobs(IResolveFieldContext context) =>
        context.OptionalService<IReindexJobs>()
        ?? throw CatalogErrors.Unavailable("Reindexing is not available: no search index is configured on this server.");

    /// <summary>The saved title as every query sees it (with trailers).</summary>
    private static async Task<object> ReloadAsync(IResolveFieldContext context, string id)
    {
        var titles = await context.Service<TitleReader>().LoadInOrderAsync([id], context.CancellationToken);
        return titles.Count == 1 ? titles[0] : throw CatalogErrors.NotFound($"Title '{id}' disappeared while saving.");
    }
}
