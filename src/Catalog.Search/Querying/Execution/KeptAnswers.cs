using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Catalog.Search.Querying.Execution;

/// <summary>
/// Answers computed from an owner that never changes (an index reader, a segment's core), kept for as long as the
/// owner lives and forgotten with it. At most <c>limit</c> are kept per owner: past that they are all dropped, so
/// a stream of one-off words cannot grow the cache without bound, and the words that recur come back at once.
/// </summary>
internal sealed class KeptAnswers<TKey, TValue>(int limit)
    where TKey : notnull
{
    private readonly ConditionalWeakTable<object, Answers> byOwner = [];

    public TValue GetOrAdd<TArg>(object owner, TKey key, Func<TKey, TArg, TValue> compute, TArg arg)
    {
        var answers = byOwner.GetValue(owner, static _ => new Answers());
        if (answers.Map.TryGetValue(key, out var kept))
            return kept;
        var value = compute(key, arg);
        // A counter, not the dictionary's Count: that takes every lock of the dictionary, and searches on all threads contended for them.
        if (Interlocked.Increment(ref answers.Added) > limit)
        {
            answers.Map.Clear();
            Interlocked.Exchange(ref answers.Added, 1);
        }

        return answers.Map.GetOrAdd(key, value);
    }

    /// <summary>Whether the owner's answer for the key is kept (tests).</summary>
    public bool Holds(object owner, TKey key) => byOwner.TryGetValue(owner, out var answers) && answers.Map.ContainsKey(key);

    private sealed class Answers
    {
        public ConcurrentDictionary<TKey, TValue> Map { get; } = new();

#pragma warning disable SA1401 // a field, for Interlocked
        public int Added;
#pragma warning restore SA1401
    }
}
