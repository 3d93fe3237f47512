using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Http;

/// <summary>
/// Bounds the GraphQL validations and executions running at once on this replica, with a short first-in,
/// first-out queue; a request finding the queue full is refused at once with 503 and Retry-After instead of
/// joining a pile of timeouts. Only <c>/graphql</c> executions take a slot: response-cache hits, health and
/// metrics never wait here.
/// </summary>
internal sealed class ExecutionAdmission : IDisposable
{
    /// <summary>What overloaded clients are told to wait; executions last milliseconds, so a second frees slots.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrencyLimiter slots;

    public ExecutionAdmission(IOptions<GraphQLHttpOptions> options) =>
        slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrentExecutions,
            QueueLimit = options.Value.QueueLength,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    /// <summary>A slot to hold while validating and executing; throws a 503 error when none is free and the queue is full.</summary>
    public async Task<RateLimitLease> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await slots.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
            return lease;
        lease.Dispose();
        GraphQLMetrics.Rejected("overloaded");
        throw new GraphQLHttpException(StatusCodes.Status503ServiceUnavailable, "OVERLOADED",
            "The server is busy; retry after the time in Retry-After.") { RetryAfter = RetryAfter };
    }

    /// <summary>Slots free and requests waiting now.</summary>
    public RateLimiterStatistics Statistics => slots.GetStatistics()!;

    public void Dispose() => slots.Dispose();
}
