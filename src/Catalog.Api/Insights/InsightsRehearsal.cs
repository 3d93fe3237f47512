using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Catalog.Api.Insights;

/// <summary>
/// Marks the start-up warm-up's searches over the loopback socket as rehearsals: their insights events are made, queued
/// and written as a viewer's are, then rolled back, and no metric counts them. Without them the first viewer's search
/// paid for the first recorded event (its queueing and the first batch's write beside it): on the sample catalog its
/// median went from ~13 to ~10 ms with them (docs/http-cost.md). A request is a rehearsal only when it carries this
/// process's random token, which only the warm-up knows; any other value is ignored, so the header is no API.
/// </summary>
public sealed class InsightsRehearsal
{
    public const string Header = "Catalog-Insights-Rehearsal";

    private const string Key = "catalog.insightsRehearsal";

    /// <summary>The header's value that makes a request a rehearsal, for this process only.</summary>
    public string Token { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Marks the execution's <paramref name="userContext"/> when <paramref name="request"/> carries the token.</summary>
    public void Mark(HttpRequest request, IDictionary<string, object?> userContext)
    {
        if (request.Headers[Header] is [{ } sent] && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), Encoding.ASCII.GetBytes(Token)))
            userContext[Key] = true;
    }

    public static bool IsMarked(IDictionary<string, object?> userContext) => userContext.ContainsKey(Key);
}
