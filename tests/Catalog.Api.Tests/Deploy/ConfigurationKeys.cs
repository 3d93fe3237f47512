using System.Reflection;
using Catalog.Api.Cli;
using Catalog.Core;
using Catalog.Search.Indexing;
using Catalog.Store;

namespace Catalog.Api.Tests.Deploy;

/// <summary>
/// Every <c>Catalog:…</c> configuration key the code reads, found by reflection so the list cannot go stale:
/// the bindable properties of each options class (a class with a <c>const string Section</c>), nested
/// classes as sub-sections, plus the single keys read directly (<c>const string …Key = "Catalog:…"</c>).
/// </summary>
public static class ConfigurationKeys
{
    private static readonly Assembly[] CatalogAssemblies =
        [typeof(CatalogCli).Assembly, typeof(CatalogOptions).Assembly, typeof(StoreOptions).Assembly, typeof(SearchOptions).Assembly];

    public static IReadOnlySet<string> All { get; } = Find();

    /// <summary>The configuration key an environment variable sets (<c>__</c> separates sections; list indexes dropped).</summary>
    public static string FromEnvironmentVariable(string name) =>
        string.Join(':', name.Split("__").Where(segment => !segment.All(char.IsAsciiDigit)));

    private static HashSet<string> Find()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in CatalogAssemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var constant in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                         .Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                var value = (string)constant.GetRawConstantValue()!;
                if (!value.StartsWith(CatalogOptions.Section + ":", StringComparison.Ordinal) && value != CatalogOptions.Section)
                    continue;
                if (constant.Name == "Section")
                    AddProperties(type, value, keys);
                else if (constant.Name.EndsWith("Key", StringComparison.Ordinal))
                    keys.Add(value);
            }
        }

        return keys;
    }

    private static void AddProperties(Type options, string prefix, HashSet<string> keys)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            if (IsSection(property.PropertyType))
                AddProperties(property.PropertyType, key, keys);
            else
                keys.Add(key);
        }
    }

    /// <summary>A class the binder fills property by property (not a value, string, URI or list).</summary>
    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
