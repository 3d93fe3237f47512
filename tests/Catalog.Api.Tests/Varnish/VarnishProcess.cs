using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Api.Tests.Crash;
using Catalog.Api.Tests.Fixtures;

namespace Catalog.Api.Tests.Varnish;

/// <summary>
/// Debian's <c>varnishd</c> run in the foreground with the repository's <c>deploy/varnish.vcl</c>, its own
/// work folder and a free loopback port. The only change to the VCL: every backend's <c>.host</c> and
/// <c>.port</c> point at the test's server (in compose they are the api containers, which do not resolve here).
/// </summary>
public sealed partial class VarnishProcess : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/sbin/varnishd";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string folder;

    private VarnishProcess(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    public static void SkipUnlessInstalled() =>
        ExternalProgram.SkipOrFailUnless(File.Exists(ExecutablePath),
            $"varnishd is not installed at {ExecutablePath}; install it with `apt-get install -y varnish` to run the Varnish tests.");

    /// <summary>The repository's VCL with each backend pointed at <paramref name="backendPort"/> on loopback.</summary>
    public static string VclFor(int backendPort)
    {
        var vcl = File.ReadAllText(RepositoryRoot.File("deploy", "varnish.vcl"));
        var hosts = BackendHost().Count(vcl);
        var ports = BackendPort().Count(vcl);
        Assert.True(hosts == 2 && ports == 2, $"deploy/varnish.vcl should have two backends with .host and .port; found {hosts} hosts and {ports} ports.");
        vcl = BackendHost().Replace(vcl, ".host = \"127.0.0.1\";");
        return BackendPort().Replace(vcl, $".port = \"{backendPort}\";");
    }

    /// <summary>Starts varnishd in front of <paramref name="backendPort"/> and waits until it accepts connections.</summary>
    public static async Task<VarnishProcess> StartAsync(int backendPort)
    {
        SkipUnlessInstalled();
        var folder = Path.Combine(Path.GetTempPath(), "catalog-varnish-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var vclPath = Path.Combine(folder, "catalog.vcl");
        await File.WriteAllTextAsync(vclPath, VclFor(backendPort));
        var port = CatalogProcess.FreePort();

        // -F: foreground, so killing this process ends it; as root the child drops to Debian's varnish
        // users (jail "unix"), as any other user it runs unjailed; both work with a private -n folder.
        var info = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-F", "-n", Path.Combine(folder, "work"), "-a", $"127.0.0.1:{port}", "-f", vclPath, "-s", "malloc,64m" })
            info.ArgumentList.Add(arg);
        var started = new VarnishProcess(new Process { StartInfo = info }, folder, port);
        started.process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started.process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started.process.Start();
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        await started.WaitUntilListeningAsync();
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The jailed child may own files here; a leftover temp folder is harmless.
        }
    }

    private Task WaitUntilListeningAsync() =>
        CrashSandbox.WaitForAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"varnishd exited at start. Output:\n{Output}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, "varnishd to listen", CrashSandbox.Patience, () => $"Output:\n{Output}");

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    [GeneratedRegex("""\.host\s*=\s*"[^"]*";""")]
    private static partial Regex BackendHost();

    [GeneratedRegex("""\.port\s*=\s*"[^"]*";""")]
    private static partial Regex BackendPort();
}
