namespace Catalog.Store.Import;

/// <summary>The import as a whole cannot run (missing file, unknown format); nothing was written.</summary>
public sealed class ImportException(string message, Exception? inner = null) : Exception(message, inner);
