namespace Catalog.Search.Tests.Querying;

/// <summary>TitleSearch completes synchronously (Lucene is synchronous); tests read results directly.</summary>
internal static class TaskResults
{
    public static T Get<T>(this Task<T> task) => task.GetAwaiter().GetResult();
}
