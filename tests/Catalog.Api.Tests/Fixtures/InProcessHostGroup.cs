namespace Catalog.Api.Tests.Fixtures;

/// <summary>
/// Tests that build the real host in-process themselves (<c>CatalogWebApp.Build</c>, CLI verbs) run alone, after the
/// parallel ones: a starting <c>WebApplicationFactory</c> finds its host by listening for the next host built anywhere
/// in the process, so a host built beside it could be taken over (its environment and settings replaced) — a
/// Production host then logged like a test host. Put <c>[Collection(InProcessHostGroup.Name)]</c> on such a class.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessHostGroup
{
    public const string Name = "In-process hosts";
}
