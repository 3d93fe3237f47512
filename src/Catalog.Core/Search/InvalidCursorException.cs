namespace Catalog.Core.Search;

/// <summary>
/// An <c>after</c> cursor that is malformed or belongs to another query, sort or rail. The API reports
/// it as a client error; it is never a server fault.
/// </summary>
public sealed class InvalidCursorException(string message) : Exception(message);
