using System.Globalization;
using Catalog.Api.Experiments;
using Catalog.Api.GraphQL.Common;
using Catalog.Store;
using Catalog.Store.Insights;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.GraphQL.Experiments;

public static class ExperimentFields
{
    public static void AddExperimentQueries(this ObjectGraphType query)
    {
        query.Field<ExperimentType>("experiment")
            .Description("Curator. A ranking experiment and its report; null when there is none with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                return await c.Service<ExperimentRegistry>().FindAsync(Id(c), c.CancellationToken) is { } found ? Payload(c, found) : null;
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExperimentType>>>>("experiments")
            .Description("Curator. The latest ranking experiments, newest (or running) first.")
            .FirstArgument(10)
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                var latest = await c.Service<ExperimentRegistry>().LatestAsync(Paging.First(c, 10), c.CancellationToken);
                return latest.Select(e => Payload(c, e)).ToList();
            });
    }

    public static void AddExperimentMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ExperimentType>>("startExperiment")
            .Description("Curator. Starts a ranking experiment; at most one runs at a time (BAD_USER_INPUT while another runs).")
            .Argument<NonNullGraphType<StartExperimentInputType>>("input")
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var variant = RankingVariantInputType.ToVariant(input["variant"] as IReadOnlyDictionary<string, object?>);
                var started = await WriteErrors.RunAsync(() => c.Service<ExperimentRegistry>().StartAsync(
                    (string)input["name"]!, variant, Convert.ToDouble(input["trafficShare"], CultureInfo.InvariantCulture), c.CancellationToken));
                c.Service<RunningExperiment>().Set(started);
                return Payload(c, started);
            });

        mutation.Field<NonNullGraphType<ExperimentType>>("stopExperiment")
            .Description("Curator. Stops a running experiment: its sessions search with today's ranking again; its report stays.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                Caller.RequireCurator(c);
                var stopped = await WriteErrors.RunAsync(() => c.Service<ExperimentRegistry>().StopAsync(Id(c), c.CancellationToken));
                c.Service<RunningExperiment>().Set(null);
                return Payload(c, stopped);
            });
    }

    private static long Id(IResolveFieldContext context) =>
        long.TryParse(context.GetArgument<string>("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw CatalogErrors.BadUserInput("'id' is not an experiment id.");

    private static ExperimentPayload Payload(IResolveFieldContext context, Experiment experiment)
    {
        var databases = context.Service<ICatalogDbFactory>();
        var cancellationToken = context.CancellationToken;
        return new ExperimentPayload(experiment, async () =>
        {
            await using var db = databases.Create();
            return await ExperimentReport.ComputeAsync(db, experiment.Id, cancellationToken);
        });
    }
}
