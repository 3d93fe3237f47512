namespace Catalog.Store.Tests.Import.MovieLens;

/// <summary>Base for end-to-end source tests: input files in a temp folder, the real importer and store.</summary>
public abstract class StoreImportTest : IAsyncLifetime
{
    protected FixtureFolder Folder { get; } = new();

    protected ImportHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await ImportHarness.CreateAsync();

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        Folder.Dispose();
    }
}
