namespace Catalog.Api.Health.WarmUp;

/// <summary>
/// The app's whole request pipeline as the server runs it (routing, middleware, endpoints), caught when the server builds
/// it, so the <see cref="SearchWarmUp"/> can send its searches along the path a viewer's request takes. As the outermost
/// startup filter it adds nothing per request: the delegate it hands on is the one it caught.
/// </summary>
public sealed class RequestPipeline(IHttpContextFactory contexts) : IStartupFilter
{
    private readonly TaskCompletionSource<RequestDelegate> built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the server has built the pipeline (before it accepts requests).</summary>
    public Task<RequestDelegate> Built => built.Task;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(rest =>
        {
            built.TrySetResult(rest);
            return rest;
        });
        next(app);
    };

    /// <summary>Runs a GraphQL POST of <paramref name="body"/> from the loopback address through the pipeline; returns its status and answer.</summary>
    public async Task<(int Status, byte[] Answer)> PostGraphQLAsync(byte[] body, CancellationToken cancellationToken)
    {
        var pipeline = await Built.WaitAsync(cancellationToken);
        using var answer = new MemoryStream();
        var context = contexts.Create(WarmUpRequest.Features(body, answer, cancellationToken));
        try
        {
            await pipeline(context);
            return (context.Response.StatusCode, answer.ToArray());
        }
        finally
        {
            contexts.Dispose(context);
        }
    }
}
