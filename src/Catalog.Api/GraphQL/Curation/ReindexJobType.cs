using Catalog.Core.Search;
using GraphQL.Types;
using Catalog.Api.GraphQL.Common;

namespace Catalog.Api.GraphQL.Curation;

public sealed class ReindexJobType : ObjectGraphType<ReindexJobStatus>
{
    public ReindexJobType()
    {
        Name = "ReindexJob";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ReindexStateType>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<FloatGraphType>>("progress").Description("0 to 1.").Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<IntGraphType>>("processed").Resolve(c => (int)Math.Min(c.Source.Processed, int.MaxValue));
        Field<NonNullGraphType<IntGraphType>>("total").Resolve(c => (int)Math.Min(c.Source.Total, int.MaxValue));
        Field<NonNullGraphType<DateTimeScalar>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<DateTimeScalar>("finishedAt").Resolve(c => c.Source.FinishedAt);
        Field<StringGraphType>("error").Resolve(c => c.Source.Error);
    }
}

public sealed class ReindexStateType : EnumerationGraphType<ReindexState>
{
    public ReindexStateType() => Name = "ReindexState";
}
