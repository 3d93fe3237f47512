namespace Catalog.Core.Search;

/// <summary>
/// Which state of the served index an answer is read from: its generation (a rebuild moves it), the last change-log
/// sequence it applied, and its reader's version (any committed change, local or caught up from the log, moves it).
/// </summary>
public readonly record struct IndexVersion(string Generation, long Sequence, long ReaderVersion);

/// <summary>The served index's version, for caches of answers that must not outlive it (the HTTP response cache).</summary>
public interface IIndexVersion
{
    /// <summary>The version now; null while no index is open.</summary>
    IndexVersion? Version { get; }
}
