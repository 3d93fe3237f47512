using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Web;

/// <summary>One file of an <see cref="AssetBundle"/>: where it is, its media type and the strong ETag of its bytes.</summary>
internal sealed record AssetFile(string PhysicalPath, string ContentType, EntityTagHeaderValue ETag);

/// <summary>
/// A folder of static files served under <c>/assets/&lt;hash&gt;/</c>, where the hash covers every file's
/// path and bytes as they were at start: a changed file gets a new URL, so browsers may cache forever.
/// </summary>
internal sealed class AssetBundle
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly FrozenDictionary<string, AssetFile> files;

    private AssetBundle(string hash, FrozenDictionary<string, AssetFile> files)
    {
        Hash = hash;
        this.files = files;
    }

    public string Hash { get; }

    /// <summary>What <c>%ASSET_BASE%</c> becomes: <c>/assets/&lt;hash&gt;</c>.</summary>
    public string BasePath => "/assets/" + Hash;

    public static AssetBundle Load(string folder)
    {
        var entries = new SortedDictionary<string, AssetFile>(StringComparer.Ordinal);
        using var bundleHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            var bytes = File.ReadAllBytes(path);
            var fileHash = SHA256.HashData(bytes);
            bundleHash.AppendData(System.Text.Encoding.UTF8.GetBytes(relative + "\n"));
            bundleHash.AppendData(fileHash);
            var contentType = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (contentType.StartsWith("text/", StringComparison.Ordinal))
                contentType += "; charset=utf-8";
            entries[relative] = new AssetFile(path, contentType, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(fileHash, 0, 16)}\""));
        }

        return new AssetBundle(Convert.ToHexStringLower(bundleHash.GetHashAndReset(), 0, 10), entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public AssetFile? Find(string relativePath) => files.GetValueOrDefault(relativePath);
}
