using GraphQL;
using GraphQLParser.AST;
using Prometheus;

namespace Catalog.Api.Http;

/// <summary>Prometheus series for GraphQL executions (the HTTP middleware only sees one route).</summary>
internal static class GraphQLMetrics
{
    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "catalog_graphql_execution_seconds",
        "GraphQL execution time by operation type and outcome (ok, field_errors, request_error).",
        new HistogramConfiguration
        {
            LabelNames = ["operation", "outcome"],
            Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14),
        });

    private static readonly Counter Refused = Metrics.CreateCounter(
        "catalog_graphql_rejected_total",
        "GraphQL requests refused before validation: overloaded (503), rate_limited (429), too_large (document budget), timeout, shutting_down.",
        new CounterConfiguration { LabelNames = ["reason"] });

    public static void Record(OperationType? operation, ExecutionResult result, TimeSpan elapsed)
    {
        var outcome = !result.Executed ? "request_error" : result.Errors is { Count: > 0 } ? "field_errors" : "ok";
        var type = operation?.ToString().ToLowerInvariant() ?? "unknown";
        Duration.WithLabels(type, outcome).Observe(elapsed.TotalSeconds);
    }

    public static void Rejected(string reason) => Refused.WithLabels(reason).Inc();
}
