using System.Runtime;

namespace Catalog.Api.Health.WarmUp;

/// <summary>
/// Whether the JIT has settled over a warm-up round. .NET compiles a method unoptimised first (tier 0) and again optimised
/// once it has been called 30 times (the app's runtimeconfig starts that count at once, not after tier-0 compilations
/// pause: <c>CallCountingDelayMs</c> 0), so the hot loops of a search (postings, scoring, facet counting) run several
/// times slower for the first few dozen searches after a start: at 1M titles a person search took ~200 ms then and
/// ~30 ms once optimised. A round that compiled hardly any method means the searches' code has been compiled optimised.
/// </summary>
internal sealed class JitSettling
{
    /// <summary>A round that compiles fewer methods than this counts as settled (rare paths still compile now and then).</summary>
    public const int SettledBelow = 5;

    private readonly Func<long> compiledMethods;
    private long atRoundStart;

    /// <summary>Starts the first round; the count is the runtime's unless <paramref name="compiledMethods"/> stands in for it (tests).</summary>
    public JitSettling(Func<long>? compiledMethods = null)
    {
        this.compiledMethods = compiledMethods ?? (() => JitInfo.GetCompiledMethodCount());
        atRoundStart = this.compiledMethods();
    }

    /// <summary>Methods compiled in the round that just ended; starts the next round.</summary>
    public long EndRound()
    {
        var now = compiledMethods();
        var compiled = now - atRoundStart;
        atRoundStart = now;
        return compiled;
    }

    public static bool Settled(long compiledInRound) => compiledInRound < SettledBelow;
}
