using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace Catalog.Api.Health.WarmUp;

/// <summary>The features of a warm-up POST to <c>/graphql</c> from the loopback address, as the server would hand them over.</summary>
internal static class WarmUpRequest
{
    public static FeatureCollection Features(byte[] body, Stream answer, CancellationToken cancellationToken)
    {
        var request = new HttpRequestFeature
        {
            Method = HttpMethods.Post,
            Scheme = Uri.UriSchemeHttp,
            Protocol = "HTTP/1.1",
            Path = "/graphql",
            Body = new MemoryStream(body, writable: false),
        };
        request.Headers.Host = "localhost";
        request.Headers.ContentType = "application/json";
        request.Headers.ContentLength = body.Length;
        request.Headers.Accept = "application/graphql-response+json";

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(answer));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        return features;
    }
}
