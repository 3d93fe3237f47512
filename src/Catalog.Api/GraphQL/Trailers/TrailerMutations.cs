using Catalog.Api.GraphQL.Common;
using Catalog.Core.Titles;
using Catalog.Store.Writes;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Trailers;

public sealed class TrailerInputType : InputObjectGraphType
{
    public TrailerInputType()
    {
        Name = "TrailerInput";
        Field<NonNullGraphType<StringGraphType>>("url").Description("https on an allowed host (Catalog:Trailers:AllowedHosts).");
        Field<TrailerKindType>("kind").DefaultValue(TrailerKind.Trailer);
        Field<StringGraphType>("language").Description("A language tag such as en or pt-BR.");
    }
}

public static class TrailerMutations
{
    public static void AddTrailerMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<TrailerType>>("addTrailer")
            .Description("Curator. Adding a URL the title already has updates that trailer.")
            .Argument<NonNullGraphType<IdGraphType>>("titleId")
            .Argument<NonNullGraphType<TrailerInputType>>("input")
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                var titleId = c.GetArgument<string>("titleId");
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var kind = input.GetValueOrDefault("kind") as TrailerKind? ?? TrailerKind.Trailer;
                return await WriteErrors.RunAsync(() => c.Service<TrailerService>()
                    .AddAsync(titleId, (string?)input["url"], kind, input.GetValueOrDefault("language") as string, c.CancellationToken));
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("removeTrailer")
            .Description("Curator. False when there is no trailer with that id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                return await c.Service<TrailerService>().RemoveAsync(c.GetArgument<string>("id"), c.CancellationToken);
            });
    }
}
