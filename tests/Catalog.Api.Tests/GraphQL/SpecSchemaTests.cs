using Catalog.Api.Tests.Fixtures;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.GraphQL;

/// <summary>The live schema carries every name of the SPEC's core schema with the same types and nullability.</summary>
public sealed class SpecSchemaTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    /// <summary>SPEC section 4, "Core schema (extend freely; do not rename)", verbatim.</summary>
    private const string CoreSchema = """
        type Query {
          search(query: String, filter: TitleFilter, sort: TitleSort = RELEVANCE, facets: [FacetField!],
                 first: Int = 20, after: String): TitleSearchResult!
          title(id: ID!): Title
          node(id: ID!): Node
          recentlyAdded(first: Int = 20, after: String, asOf: DateTime): TitleConnection!
          newReleases(first: Int = 20, after: String, asOf: DateTime): TitleConnection!
          newArrivals(first: Int = 20, after: String, asOf: DateTime): TitleConnection!
          comingSoon(first: Int = 20, after: String, asOf: DateTime): TitleConnection!
          leavingSoon(first: Int = 20, after: String, asOf: DateTime): TitleConnection!
          suggest(prefix: String!, first: Int = 8): [Suggestion!]!      # titles, tags, people as you type
          tags(prefix: String, first: Int = 50): [FacetValue!]!          # tag browse with counts
          genres: [FacetValue!]!
          reindexJob(id: ID!): ReindexJob                                # curator
        }
        type Mutation {
          submitReview(input: SubmitReviewInput!): Review!               # viewer
          voteReview(reviewId: ID!, helpful: Boolean!): Review!          # viewer
          upsertTitle(input: TitleInput!): Title!                        # curator
          setTags(titleId: ID!, tags: [String!]!): Title!                # curator
          addTrailer(titleId: ID!, input: TrailerInput!): Trailer!       # curator
          removeTrailer(id: ID!): Boolean!                               # curator
          startReindex: ReindexJob!                                      # curator
        }
        type TitleSearchResult {
          totalCount: Int!  edges: [TitleSearchEdge!]!  nodes: [Title!]!  pageInfo: PageInfo!
          facets: [Facet!]!  didYouMean: String  related: [Title!]!  tookMs: Float!
        }
        type TitleSearchEdge { cursor: String!  node: Title!  score: Float  highlights: [Highlight!]! }
        type Facet { field: FacetField!  values: [FacetValue!]! }
        type FacetValue { value: String!  count: Int!  selected: Boolean! }
        type Title implements Node {
          id: ID!  kind: TitleKind!  name: String!  originalName: String  year: Int  releaseDate: Date
          addedAt: DateTime!  availableUntil: DateTime  synopsis: String  runtimeMinutes: Int
          contentRating: String  languages: [String!]!  genres: [String!]!  tags: [String!]!
          directors: [String!]!  cast: [String!]!  rating: Rating!  imdbId: String  imdbUrl: String
          trailers: [Trailer!]!  hasTrailer: Boolean!
          reviews(orderBy: ReviewOrder = HELPFULNESS, first: Int = 10, after: String): ReviewConnection!
          similar(first: Int = 10): [Title!]!
        }
        type Rating { average: Float  count: Int!  weighted: Float! }
        type Trailer { id: ID!  url: String!  embedUrl: String  site: TrailerSite!  kind: TrailerKind!  language: String }
        type Review implements Node { id: ID!  author: String!  rating: Int!  body: String!  createdAt: DateTime!
          helpfulVotes: Int!  unhelpfulVotes: Int!  helpfulness: Float! }
        enum TitleSort { RELEVANCE RATING POPULARITY RELEASED_NEWEST RELEASED_OLDEST ADDED_NEWEST ADDED_OLDEST NAME }
        enum ReviewOrder { HELPFULNESS NEWEST OLDEST RATING_HIGH RATING_LOW }
        enum FacetField { GENRE TAG KIND DECADE RELEASE_YEAR CONTENT_RATING LANGUAGE RATING_BUCKET HAS_TRAILER }
        enum TitleKind { MOVIE SERIES DOCUMENTARY SPECIAL SHORT }
        enum TrailerSite { YOUTUBE VIMEO IMDB OTHER }
        enum TrailerKind { TRAILER TEASER CLIP FEATURETTE }
        input TitleFilter {
          kinds: [TitleKind!]  genres: [String!]  tags: [String!]  anyTags: [String!]  excludeTags: [String!]
          released: DateRange  releaseYear: IntRange  added: DateTimeRange  minRating: Float  minVotes: Int
          contentRatings: [String!]  languages: [String!]  people: [String!]  hasTrailer: Boolean
        }
        input DateRange { from: Date  to: Date }              # inclusive
        input DateTimeRange { from: DateTime  to: DateTime }  # inclusive
        input IntRange { min: Int  max: Int }                 # inclusive
        input SubmitReviewInput { titleId: ID!  rating: Int!  body: String! }
        input TrailerInput { url: String!  kind: TrailerKind = TRAILER  language: String }
        type Suggestion { text: String!  kind: SuggestionKind!  titleId: ID }   # kind: TITLE TAG PERSON GENRE
        type Highlight { field: String!  snippet: String! }    # matched words wrapped in <mark>…</mark>, rest escaped
        """;

    /// <summary>Names the issue adds to the core schema (ReindexJob, TitleInput, connections, SuggestionKind).</summary>
    private const string IssueSchema = """
        type ReindexJob { id: ID! state: ReindexState! progress: Float! processed: Int! total: Int! startedAt: DateTime! finishedAt: DateTime error: String }
        enum SuggestionKind { TITLE TAG PERSON GENRE }
        interface Node { id: ID! }
        type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
        type TitleConnection { totalCount: Int! edges: [TitleEdge!]! nodes: [Title!]! pageInfo: PageInfo! }
        type ReviewConnection { totalCount: Int! edges: [ReviewEdge!]! nodes: [Review!]! pageInfo: PageInfo! }
        input TitleInput {
          id: ID kind: TitleKind name: String originalName: String year: Int releaseDate: Date addedAt: DateTime
          availableUntil: DateTime synopsis: String runtimeMinutes: Int contentRating: String languages: [String!]
          genres: [String!] tags: [String!] directors: [String!] cast: [String!] imdbId: String
        }
        """;

    private ISchema Schema
    {
        get
        {
            var schema = api.Services.GetRequiredService<ISchema>();
            schema.Initialize();
            return schema;
        }
    }

    public static TheoryData<string> Sources => new() { nameof(CoreSchema), nameof(IssueSchema) };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_type_field_argument_and_enum_value_matches(string source)
    {
        var document = Parser.Parse(source == nameof(CoreSchema) ? CoreSchema : IssueSchema);
        var problems = new List<string>();
        foreach (var definition in document.Definitions.OfType<GraphQLTypeDefinition>())
            problems.AddRange(Compare(definition));
        Assert.Empty(problems);
    }

    private IEnumerable<string> Compare(GraphQLTypeDefinition expected)
    {
        var name = expected.Name.StringValue;
        var actual = Schema.AllTypes[name];
        if (actual is null)
        {
            yield return $"missing type {name}";
            yield break;
        }

        switch (expected)
        {
            case GraphQLEnumTypeDefinition enumType:
                var values = ((EnumerationGraphType)actual).Values.Select(v => v.Name).ToHashSet();
                foreach (var value in enumType.Values!.Items.Select(v => v.Name.StringValue).Where(v => !values.Contains(v)))
                    yield return $"{name}: missing enum value {value}";
                break;
            case GraphQLInputObjectTypeDefinition input:
                foreach (var field in input.Fields!.Items)
                {
                    var found = ((IInputObjectGraphType)actual).GetField(field.Name.StringValue);
                    if (found?.ResolvedType?.ToString() != Print(field.Type))
                        yield return $"{name}.{field.Name.StringValue}: expected {Print(field.Type)}, got {found?.ResolvedType}";
                }

                break;
            case GraphQLObjectTypeDefinition or GraphQLInterfaceTypeDefinition:
                var fields = expected is GraphQLObjectTypeDefinition o ? o.Fields : ((GraphQLInterfaceTypeDefinition)expected).Fields;
                foreach (var problem in fields!.Items.SelectMany(f => CompareField(name, (IComplexGraphType)actual, f)))
                    yield return problem;
                if (expected is GraphQLObjectTypeDefinition { Interfaces: { } interfaces }
                    && interfaces.Items.Any(i => !((IObjectGraphType)actual).ResolvedInterfaces.Any(r => r.Name == i.Name.StringValue)))
                    yield return $"{name}: does not implement {string.Join(", ", interfaces.Items.Select(i => i.Name.StringValue))}";
                break;
        }
    }

    private static IEnumerable<string> CompareField(string typeName, IComplexGraphType actual, GraphQLFieldDefinition expected)
    {
        var field = actual.GetField(expected.Name.StringValue);
        var path = $"{typeName}.{expected.Name.StringValue}";
        if (field is null)
        {
            yield return $"missing field {path}";
            yield break;
        }

        if (field.ResolvedType?.ToString() != Print(expected.Type))
            yield return $"{path}: expected {Print(expected.Type)}, got {field.ResolvedType}";
        foreach (var argument in expected.Arguments?.Items ?? [])
        {
            var found = field.Arguments?.Find(argument.Name.StringValue);
            if (found?.ResolvedType?.ToString() != Print(argument.Type))
                yield return $"{path}({argument.Name.StringValue}): expected {Print(argument.Type)}, got {found?.ResolvedType}";
            else if (argument.DefaultValue is not null && found.DefaultValue is null)
                yield return $"{path}({argument.Name.StringValue}): missing default";
        }
    }

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
