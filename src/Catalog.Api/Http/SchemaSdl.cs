using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Catalog.Api.Http;

/// <summary>The schema as SDL, the way <c>schema.graphql</c> at the repository root holds it.</summary>
public static class SchemaSdl
{
    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
}
