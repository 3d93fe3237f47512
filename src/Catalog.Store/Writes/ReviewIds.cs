namespace Catalog.Store.Writes;

/// <summary>Review ids: "review:" + 32 hex digits. The ':' keeps them apart from title ids, which never contain one.</summary>
public static class ReviewIds
{
    public const string Prefix = "review:";

    public static string New() => Prefix + Guid.NewGuid().ToString("N");

    public static bool IsReviewId(string? id) =>
        id is { Length: > 7 and <= 64 } && id.StartsWith(Prefix, StringComparison.Ordinal);
}
