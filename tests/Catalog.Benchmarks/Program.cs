using Catalog.Benchmarks;

// Usage: dotnet run -c Release --project tests/Catalog.Benchmarks -- --titles 1000000 [options] (see README.md).
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await new BenchmarkRun(options, Console.Out).RunAsync(cancel.Token) ? 0 : 1;
