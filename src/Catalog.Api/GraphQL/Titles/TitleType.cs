using Catalog.Api.GraphQL.Common;
using Catalog.Api.GraphQL.Reviews;
using Catalog.Api.GraphQL.Search;
using Catalog.Api.GraphQL.Trailers;
using Catalog.Core.Titles;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Titles;

public sealed class TitleType : ObjectGraphType<Title>
{
    public TitleType()
    {
        Name = "Title";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Title;

        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<TitleKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("originalName").Resolve(c => c.Source.OriginalName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("alternateNames").Resolve(c => c.Source.AlternateNames);
        Field<IntGraphType>("year").Description("Release year; also set for year-only releases.").Resolve(c => c.Source.ReleaseYear);
        Field<DateScalar>("releaseDate").Resolve(c => c.Source.ReleaseDate);
        Field<NonNullGraphType<DateTimeScalar>>("addedAt").Description("When the title became (or becomes) available.").Resolve(c => c.Source.AddedAt);
        Field<DateTimeScalar>("availableUntil").Resolve(c => c.Source.AvailableUntil);
        Field<StringGraphType>("synopsis").Resolve(c => c.Source.Synopsis);
        Field<IntGraphType>("runtimeMinutes").Resolve(c => c.Source.RuntimeMinutes);
        Field<StringGraphType>("contentRating").Resolve(c => c.Source.ContentRating);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Resolve(c => c.Source.Languages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("countries").Resolve(c => c.Source.Countries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("genres").Resolve(c => c.Source.Genres);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(c => c.Source.Tags);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("directors").Resolve(c => c.Source.Directors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("cast").Resolve(c => c.Source.Cast);
        Field<NonNullGraphType<RatingType>>("rating").Resolve(c => TitleRating.For(c, c.Source));
        Field<StringGraphType>("imdbId").Resolve(c => c.Source.ImdbId);
        // Declared nullable as in the SPEC's core schema, though it is always set now.
        Field<StringGraphType>("imdbUrl")
            .Description("The title's IMDb page when its IMDb id is known, otherwise IMDb's title search for its name and year; never null.")
            .Resolve(c => TitleLinks.ImdbUrl(c.Source));
        Field<StringGraphType>("tmdbId").Resolve(c => c.Source.TmdbId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrailerType>>>>("trailers")
            .Description("Trailers first, then teasers, clips and featurettes.")
            .Resolve(c => TrailerOrder.Sort(c.Source.Trailers));
        Field<NonNullGraphType<BooleanGraphType>>("hasTrailer").Resolve(c => c.Source.Trailers.Count > 0);
        Field<NonNullGraphType<StringGraphType>>("trailerSearchUrl")
            .Description("A YouTube search for the title's name, year and \"trailer\": offered where no trailer is curated.")
            .Resolve(c => TitleLinks.TrailerSearchUrl(c.Source));
        this.AddReviewsField();
        this.AddViewerReviewField();
        this.AddSimilarField();
    }
}

public sealed class TitleKindType : EnumerationGraphType<TitleKind>
{
    public TitleKindType() => Name = "TitleKind";
}
