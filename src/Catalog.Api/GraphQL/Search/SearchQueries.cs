using Catalog.Api.Experiments;
using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Titles;
using Catalog.Api.Http;
using Catalog.Api.Insights;
using Catalog.Core.Search;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Search;

public static class SearchQueries
{
    public const int MaxQueryLength = 500;

    public static void AddSearchQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<TitleSearchResultType>>("search")
            .Description("Full-text search with filters, facets, sorts and cursors. Any text is safe: it is never parsed as query syntax.")
            .Argument<StringGraphType>("query")
            .Argument<TitleFilterInputType>("filter")
            .Argument<TitleSortType>("sort", a => a.DefaultValue = TitleSort.Relevance)
            .Argument<ListGraphType<NonNullGraphType<FacetFieldType>>>("facets")
            .FirstArgument(20)
            .AfterArgument()
            .Argument<BooleanGraphType>("exact", a =>
            {
                a.DefaultValue = false;
                a.Description = "Only the text as typed: no typo variants of common words, correction or dropped words when it finds few titles (the \"Search instead for …\" link).";
            })
            .Argument<BooleanGraphType>("analytics", a =>
            {
                a.DefaultValue = true;
                a.Description = "Record this search for curators' insights (its searchId ties clicks to it). False for searches that are not a viewer's question, such as previews while typing. Next pages (after) are never recorded again.";
            })
            .ResolveAsync(async c => await SearchAsync(c));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SuggestionType>>>>("suggest")
            .Description("Titles, tags, people and genres completing a prefix, as you type.")
            .Argument<NonNullGraphType<StringGraphType>>("prefix")
            .FirstArgument(8)
            .ResolveAsync(async c =>
            {
                var prefix = Text(c.GetArgument<string>("prefix"), "prefix");
                var first = Paging.First(c, 8);
                return prefix.Length == 0 ? [] : await SearchAccess.Engine(c).SuggestAsync(prefix, first, c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>>("tags")
            .Description("Tags with title counts, most used first; filter by prefix to search them.")
            .Argument<StringGraphType>("prefix")
            .FirstArgument(50)
            .ResolveAsync(async c =>
            {
                var prefix = c.GetArgument<string?>("prefix") is { } p ? Text(p, "prefix") : null;
                var first = Paging.First(c, 50);
                return await SearchAccess.Engine(c).TagsAsync(prefix, first, c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>>("genres")
            .Description("Genres with title counts.")
            .ResolveAsync(async c => await SearchAccess.Engine(c).GenresAsync(c.CancellationToken));
    }

    private static async Task<TitleSearchPayload> SearchAsync(IResolveFieldContext context)
    {
        var text = context.GetArgument<string?>("query") is { } q ? Text(q, "query") : null;
        var after = Paging.After(context);
        var filter = context.GetArgument<Dictionary<string, object?>?>("filter");
        var arm = context.OptionalService<ExperimentAssignment>()?.Current;
        if (arm is { IsVariant: true })
            PerRequestAnswer.Mark(context); // the variant's answer is not everyone's: no cache may hand it on
        var request = new SearchRequest
        {
            Query = text,
            Filter = TitleFilterInputType.ToFilter(filter),
            Sort = context.GetArgument<TitleSort?>("sort") ?? TitleSort.Relevance,
            Facets = [.. (context.GetArgument<List<FacetField>?>("facets") ?? []).Distinct().Select(f => new FacetRequest(f))],
            First = Paging.First(context, 20),
            After = after,
            Exact = context.GetArgument<bool?>("exact") ?? false,
            Ranking = arm?.Ranking ?? RankingVariant.Default,
            // Snippets cost a stored-fields read and an analysis per hit: made only when the document asks for them.
            Highlight = context.Selects("edges", "highlights"),
        };
        var engine = SearchAccess.Engine(context);
        var result = await SearchAccess.RunAsync(() => engine.SearchAsync(request, context.CancellationToken));

        // One store query for the page and the related titles together.
        var ids = result.Hits.Select(h => h.TitleId).Concat(result.RelatedTitleIds).ToList();
        var titles = (await context.Service<TitleReader>().LoadInOrderAsync(ids, context.CancellationToken))
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
        var edges = result.Hits.Where(h => titles.ContainsKey(h.TitleId)).Select(h => new TitleSearchEdge(h, titles[h.TitleId])).ToList();
        var related = result.RelatedTitleIds.Where(titles.ContainsKey).Select(id => titles[id]).ToList();
        var searchId = after is null && context.GetArgument<bool?>("analytics") != false
            ? context.OptionalService<SearchRecorder>()?.RecordSearch(request, filter, result, arm, InsightsRehearsal.IsMarked(context.UserContext))
            : null;
        return new TitleSearchPayload(result, edges, related, after is not null, searchId);
    }

    private static string Text(string value, string argument) =>
        value.Length <= MaxQueryLength
            ? value.Trim()
            : throw CatalogErrors.BadUserInput($"'{argument}' is longer than {MaxQueryLength} characters.");
}
