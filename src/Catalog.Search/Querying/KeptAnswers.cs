using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Catalog.Search.Querying;

/// <summary>
/// Answers computed from an owner that never changes (an index reader, a segment's core), kept for as long as the
/// owner lives and forgotten with it. At most <c>limit</c> are kept per owner: past that they are all dropped, so
/// a stream of one-off words cannot grow the cache without bound, and the words that recur come back at once.
/// </summary>
internal sealed class KeptAnswers<TKey, TValue>(int limit)
    where TKey : notnull
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<TKey, TValue>> byOwner = [];

    public TValue GetOrAdd<TArg>(object owner, TKey key, Func<TKey, TArg, TValue> compute, TArg arg)
    {
        var answers = byOwner.GetValue(owner, static _ => new ConcurrentDictionary<TKey, TValue>());
        if (answers.Count > limit)
            answers.Clear();
        return answers.GetOrAdd(key, compute, arg);
    }

    /// <summary>Whether the owner's answer for the key is kept (tests).</summary>
    public bool Holds(object owner, TKey key) => byOwner.TryGetValue(owner, out var answers) && answers.ContainsKey(key);
}
