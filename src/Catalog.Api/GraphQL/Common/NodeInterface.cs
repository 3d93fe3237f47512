using GraphQL.Types;

namespace Catalog.Api.GraphQL.Common;

/// <summary>
/// Relay's Node. Ids are global by construction: title ids never contain ':' (see TitleIds.IsValid) and
/// review ids always start with "review:", so <c>node(id)</c> knows where to look without wrapping ids.
/// </summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a globally unique id, fetchable with Query.node.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
