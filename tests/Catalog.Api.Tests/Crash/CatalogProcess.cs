using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Catalog.Api.Tests.Crash;

/// <summary>
/// The built <c>catalog</c> app run as a child process (<c>dotnet catalog.dll VERB …</c>), with its output
/// kept for failure messages. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
public sealed class CatalogProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CatalogProcess(Process process) => this.process = process;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    public static CatalogProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the app with <paramref name="environment"/> added to its environment (configuration keys as <c>A__B</c>).</summary>
    public static CatalogProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "catalog.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        var started = new CatalogProcess(new Process { StartInfo = info });
        started.process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started.process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started.process.Start();
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        return started;
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// For <c>catalog serve</c>: polls <c>/health/ready</c> through <paramref name="client"/> until it answers
    /// 200 (index open and caught up); fails with the output when the process exits or the time is up.
    /// </summary>
    public async Task WaitUntilReadyAsync(HttpClient client, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (HasExited)
                throw new InvalidOperationException($"catalog serve exited at start. Output:\n{Output}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"catalog serve was not ready within {patience}. Output:\n{Output}");
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: the process dies at once, mid-write if it was writing.</summary>
    public void Kill()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM: the graceful stop an orchestrator asks for.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"catalog did not exit within {timeout}. Output:\n{Output}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
