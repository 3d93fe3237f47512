using CsCheck;

namespace Catalog.Api.Tests.Fuzzing;

/// <summary>Real ids and cursors of the seeded catalog, so generated requests reach past "not found".</summary>
/// <param name="CursorQueries">Queries with <c>{0}</c> where the paging arguments go; <paramref name="Cursors"/> holds the first cursor each handed out.</param>
public sealed record FuzzTargets(string[] TitleIds, string[] ReviewIds, string[] CursorQueries, string[] Cursors)
{
    public string TitleId => TitleIds[0];

    public string CursorQuery(int source, string pagingArguments) => CursorQueries[source].Replace("{0}", pagingArguments, StringComparison.Ordinal);
}

/// <summary>A named class of hostile requests and how many of it one run sends.</summary>
public sealed record FuzzClass(string Name, int Requests, Gen<HostileRequest> Gen)
{
    /// <summary>A GraphQL document with its variables (raw JSON; null for none).</summary>
    public static (string Query, string? Variables) Doc(string query, string? variables = null) => (query, variables);
}

/// <summary>The classes the fuzz test mixes, with their request counts per run (times CATALOG_FUZZ_SCALE).</summary>
public static class FuzzClasses
{
    /// <summary>Anonymous and forged callers only: nothing they send may change the store.</summary>
    public static readonly Gen<Credential> Unauthorised = Gen.Frequency(
        (10, Gen.Const(Credential.None)), (1, Gen.Const(Credential.Expired)), (1, Gen.Const(Credential.WrongKey)),
        (1, Gen.Const(Credential.WrongAudience)), (1, Gen.Const(Credential.AlgNone)), (1, Gen.Const(Credential.UnknownRole)),
        (1, Gen.Const(Credential.Garbage)), (1, Gen.Const(Credential.HugeGarbage)), (1, Gen.Const(Credential.EmptyBearer)),
        (1, Gen.Const(Credential.NoScheme)), (1, Gen.Const(Credential.Basic)));

    /// <summary>Any caller, valid viewers and curators included.</summary>
    public static readonly Gen<Credential> Anyone = Gen.Frequency(
        (4, Unauthorised), (3, Gen.Const(Credential.Viewer)), (2, Gen.Const(Credential.Curator)));

    /// <summary>Forged tokens only, against fields and mutations that need a valid one.</summary>
    private static readonly Gen<Credential> Forged = Unauthorised.Where(c => c != Credential.None);

    public static IReadOnlyList<FuzzClass> All(FuzzTargets targets) =>
    [
        new("fragment bombs (k <= 30)", 60, Query(HostileDocuments.FragmentBomb(targets), Unauthorised)),
        new("alias conflicts and repeated fields (n <= 21,000)", 40, Query(HostileDocuments.AliasConflicts(targets), Unauthorised)),
        new("fragment cycles", 100, Query(HostileDocuments.FragmentCycles(targets), Unauthorised)),
        new("deep and wide documents", 150, Query(HostileDocuments.DeepOrWide(targets), Unauthorised)),
        new("huge first/after, forged cursors", 400, Query(HostileArguments.Paging(targets), Anyone)),
        new("extreme dates (asOf on every rail, filters)", 400, Query(HostileArguments.ExtremeDates(targets), Anyone)),
        new("extreme numbers", 250, Query(HostileArguments.ExtremeNumbers(targets), Anyone)),
        new("wrong types, unknown fields and arguments", 200, Query(HostileArguments.WrongShapes(targets), Anyone)),
        new("transport (JSON, UTF-8, BOM, content types, sizes, GET, params, APQ)", 700, HostileTransport.Any(Unauthorised)),
        new("user text in searches, suggest, tags, ids", 600, Query(HostileUserText.Reads(targets), Anyone)),
        new("user text in mutations (reviews, votes, trailers, tags, titles)", 400, Mutation(HostileUserText.Writes(targets), Anyone)),
        new("forged tokens on protected fields", 150, Mutation(HostileUserText.Writes(targets), Forged)),
    ];

    /// <summary>Kestrel's default request-line limit: a longer GET never reaches the application in production.</summary>
    private const int MaxGetTargetChars = 8 * 1024;

    /// <summary>A query document sent by POST or (a third of the time, when its URL fits) GET.</summary>
    private static Gen<HostileRequest> Query(Gen<string> documents, Gen<Credential> credentials) =>
        Query(documents.Select(d => (d, (string?)null)), credentials);

    private static Gen<HostileRequest> Query(Gen<(string Query, string? Variables)> documents, Gen<Credential> credentials) =>
        Gen.Select(documents, credentials, Gen.Int[0, 49], Gen.Int[0, 2], (document, credential, who, method) =>
            method == 0 && HostileRequest.Get(document.Query, document.Variables, credential, who) is { Target.Length: <= MaxGetTargetChars } get
                ? get
                : HostileRequest.Post(document.Query, document.Variables, credential, who));

    private static Gen<HostileRequest> Mutation(Gen<(string Query, string? Variables)> documents, Gen<Credential> credentials) =>
        Gen.Select(documents, credentials, Gen.Int[0, 49], (document, credential, who) =>
            HostileRequest.Post(document.Query, document.Variables, credential, who));
}
