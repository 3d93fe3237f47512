using System.Net;
using Catalog.Api.Insights;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Catalog.Api.Health.WarmUp;

/// <summary>
/// An HTTP client for the server's own listening address, so the <see cref="SearchWarmUp"/> can send searches through
/// the server itself: the in-process searches skip Kestrel, and the first viewer's POST then compiled its request-body
/// reading, response writing and socket path (at 1M titles ~8 ms of a 27 ms first search; docs/http-cost.md).
/// Plain HTTP only: an HTTPS endpoint's certificate need not be trusted here, and unix-socket and named-pipe endpoints
/// have no address to dial; a server without a plain HTTP address (or a test server) gets no client. Its requests are
/// insights rehearsals (<see cref="InsightsRehearsal"/>).
/// </summary>
public sealed class LoopbackClient(IServer server, IHostApplicationLifetime lifetime, InsightsRehearsal rehearsal)
{
    /// <summary>Waits for the server to start listening; null when it has no address this can dial.</summary>
    public async Task<HttpClient?> ConnectAsync(CancellationToken cancellationToken)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(cancellationToken);
        }

        if (Dialable(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } address)
            return null;
        // No proxy: a proxy set for the host's outbound traffic must not see (or refuse) a call to itself.
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address };
        client.DefaultRequestHeaders.Add(InsightsRehearsal.Header, rehearsal.Token);
        return client;
    }

    /// <summary>
    /// The first plain HTTP address among <paramref name="addresses"/> as a client dials it: a wildcard host
    /// (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) becomes the loopback address of its family.
    /// </summary>
    internal static Uri? Dialable(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            // Kestrel reports the bound port (also for port 0); "+" and "*" are not valid URI hosts.
            var text = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port <= 0)
                continue;
            var host = uri.HostNameType switch
            {
                UriHostNameType.IPv4 or UriHostNameType.IPv6 => Loopback(IPAddress.Parse(uri.IdnHost)),
                UriHostNameType.Dns when uri.IsLoopback => uri.Host,
                _ => null, // a unix socket ("unix:/path"), a pipe or a name that may not lead back here
            };
            if (host is not null)
                return new UriBuilder(Uri.UriSchemeHttp, host, uri.Port).Uri;
        }

        return null;
    }

    private static string Loopback(IPAddress address) =>
        (address.Equals(IPAddress.Any) ? IPAddress.Loopback : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : address) switch
        {
            { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } v6 => $"[{v6}]",
            var v4 => v4.ToString(),
        };
}
