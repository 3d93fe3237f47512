using System.Security.Cryptography;
using System.Text;
using Catalog.Api.Hosting;
using Catalog.Core;

namespace Catalog.Api.Auth;

/// <summary>Where the HS256 key in use came from; <see cref="SigningKeys.LogSource"/> says it at start.</summary>
public sealed record ResolvedSigningKey(string Key, string Source, bool Generated);

/// <summary>
/// The one place the token signing key is chosen, shared by <c>serve</c> and <c>token</c> so a token the
/// verb mints is one the server accepts. In Development an unset key is the public development key.
/// Elsewhere a configured key must be secret (not the development key) and at least 32 bytes, or the
/// process refuses to start; an unset key is generated once and kept in <c>&lt;data&gt;/signing-key</c>.
/// </summary>
public static partial class SigningKeys
{
    /// <summary>Public (it is in this repository): accepted only in the Development environment.</summary>
    public const string DevelopmentKey = "development-only-signing-key-change-me-0123456789abcdef";

    public const string KeyFileName = "signing-key";
    public const string Setting = AuthOptions.Section + ":" + nameof(AuthOptions.SigningKey);
    private const int MinimumBytes = 32;

    public static ResolvedSigningKey Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrEmpty(configured))
            return new ResolvedSigningKey(Checked(configured, environment), "configuration", Generated: false);
        if (environment.IsDevelopment())
            return new ResolvedSigningKey(DevelopmentKey, "the development key (Development environment)", Generated: false);

        var data = configuration.GetCatalogOptions<CatalogOptions>(CatalogOptions.Section).DataDirectory;
        var path = Path.GetFullPath(Path.Combine(data, KeyFileName));
        if (File.Exists(path))
            return new ResolvedSigningKey(Checked(File.ReadAllText(path).Trim(), environment, path), path, Generated: false);
        return new ResolvedSigningKey(CreateKeyFile(path), path, Generated: true);
    }

    /// <summary>Logs where the key came from; a generated key is announced as a warning so it is seen.</summary>
    public static void LogSource(ResolvedSigningKey key, ILogger logger)
    {
        if (key.Generated)
            LogGenerated(logger, key.Source, Setting);
        else
            LogUsing(logger, key.Source);
    }

    private static string Checked(string key, IHostEnvironment environment, string? file = null)
    {
        var where = file is null ? Setting : $"{Setting} (read from {file})";
        if (Encoding.UTF8.GetByteCount(key) < MinimumBytes)
            throw new UnsafeSigningKeyException($"{where} is shorter than {MinimumBytes} bytes; set a random secret of at least {MinimumBytes} bytes.");
        if (!environment.IsDevelopment() && key == DevelopmentKey)
        {
            throw new UnsafeSigningKeyException(
                $"{where} is the public development key, refused in the '{environment.EnvironmentName}' environment: anyone could mint curator tokens. " +
                $"Set a random secret of at least {MinimumBytes} bytes, or leave it unset to have one generated in the data folder.");
        }

        return key;
    }

    private static string CreateKeyFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (a concurrent `catalog token`) created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }

        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Setting} configured: generated a random signing key and kept it in {Path} (reused on later starts; set the key to manage it yourself)")]
    private static partial void LogGenerated(ILogger logger, string path, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token signing key from {Source}")]
    private static partial void LogUsing(ILogger logger, string source);
}

/// <summary>The configured signing key must not be used here; the message names the setting.</summary>
public sealed class UnsafeSigningKeyException(string message) : Exception(message);
