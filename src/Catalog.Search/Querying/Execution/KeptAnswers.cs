using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// Answers computed from an owner that never changes (an index reader, a segment's core), kept for as long as the
/// owner lives and forgotten with it. At most <c>limit</c> are kept per owner (<see cref="BoundedAnswers{TKey, TValue}"/>).
/// </summary>
internal sealed class KeptAnswers<TKey, TValue>(int limit)
    where TKey : notnull
{
    private readonly ConditionalWeakTable<object, BoundedAnswers<TKey, TValue>> byOwner = [];

    public TValue GetOrAdd<TArg>(object owner, TKey key, Func<TKey, TArg, TValue> compute, TArg arg) =>
        byOwner.GetValue(owner, _ => new BoundedAnswers<TKey, TValue>(limit)).GetOrAdd(key, compute, arg);

    /// <summary>Whether the owner's answer for the key is kept (tests).</summary>
    public bool Holds(object owner, TKey key) => byOwner.TryGetValue(owner, out var answers) && answers.Holds(key);
}

/// <summary>
/// Answers kept by one owner, at most <c>limit</c>: past that they are all dropped, so a stream of one-off words
/// cannot grow the cache without bound, and the words that recur come back at once.
/// </summary>
internal sealed class BoundedAnswers<TKey, TValue>(int limit)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> map = new();
    private int added;

    public TValue GetOrAdd<TArg>(TKey key, Func<TKey, TArg, TValue> compute, TArg arg)
    {
        if (map.TryGetValue(key, out var kept))
            return kept;
        var value = compute(key, arg);
        // A counter, not the dictionary's Count: that takes every lock of the dictionary, and searches on all threads contended for them.
        if (Interlocked.Increment(ref added) > limit)
        {
            map.Clear();
            Interlocked.Exchange(ref added, 1);
        }

        return map.GetOrAdd(key, value);
    }

    public bool Holds(TKey key) => map.ContainsKey(key);
}
