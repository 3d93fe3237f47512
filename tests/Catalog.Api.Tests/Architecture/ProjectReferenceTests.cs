using System.Reflection;
using System.Xml.Linq;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Architecture;

/// <summary>
/// Dependencies point inward (docs/architecture.md): Core is referenced by all and references nothing of ours;
/// Store and Search know Core only; the Api composes them and uses no Lucene type itself. Checked twice: in the
/// project files (what a project may reference, before any code uses it) and in the built assemblies (what the
/// code does use: the compiler records an assembly reference for every type the code touches, in a signature, a
/// cast, a local or the return type of a member it calls, however the type is spelled, so
/// <see cref="Assembly.GetReferencedAssemblies"/> also catches a Lucene type reached through Search's API).
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly string[] LucenePackages = ["Lucene."];

    private static readonly string[] StorePackages = ["Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql"];

    /// <summary>Per project: its assembly, the projects it may reference, the package/assembly name prefixes it must not use.</summary>
    private static readonly Dictionary<string, (string Assembly, string[] MayReference, string[] MustNotUse)> Rules = new()
    {
        ["Catalog.Core"] = ("Catalog.Core", [], [.. LucenePackages, .. StorePackages]),
        ["Catalog.Store"] = ("Catalog.Store", ["Catalog.Core"], LucenePackages),
        ["Catalog.Search"] = ("Catalog.Search", ["Catalog.Core"], StorePackages),
        ["Catalog.Api"] = ("catalog", ["Catalog.Core", "Catalog.Store", "Catalog.Search"], LucenePackages),
    };

    public static TheoryData<string> Projects => [.. Rules.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_project_file_references_only_what_the_project_may_use(string project)
    {
        var (_, mayReference, mustNotUse) = Rules[project];
        var file = XDocument.Load(RepositoryRoot.File("src", project, $"{project}.csproj"));
        var projects = file.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!));
        var packages = file.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!);

        Assert.Empty(projects.Except(mayReference));
        Assert.DoesNotContain(packages, p => Uses(p, mustNotUse));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_built_assembly_uses_only_what_the_project_may_use(string project)
    {
        var (assembly, mayReference, mustNotUse) = Rules[project];
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Empty(references.Where(r => r.StartsWith("Catalog.", StringComparison.OrdinalIgnoreCase)).Except(mayReference));
        Assert.DoesNotContain(references, r => Uses(r, mustNotUse));
    }

    [Fact]
    public void Every_source_project_has_a_rule()
    {
        var projects = Directory.GetDirectories(RepositoryRoot.File("src")).Select(Path.GetFileName);

        Assert.Equal(Rules.Keys.Order(), projects.Order());
    }

    private static bool Uses(string name, string[] prefixes) =>
        prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
