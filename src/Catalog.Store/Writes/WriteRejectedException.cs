namespace Catalog.Store.Writes;

public enum WriteRejection
{
    /// <summary>The input breaks a rule; the message says which and how to fix it.</summary>
    InvalidInput,

    /// <summary>The write refers to a title, review or trailer the store does not have.</summary>
    NotFound,

    /// <summary>The caller may not make this write (e.g. deleting someone else's review).</summary>
    Forbidden,
}

/// <summary>A write the store refused before changing anything (the transaction is rolled back).</summary>
public sealed class WriteRejectedException(WriteRejection reason, string message) : Exception(message)
{
    public WriteRejection Reason { get; } = reason;

    public static WriteRejectedException Invalid(string message) => new(WriteRejection.InvalidInput, message);

    public static WriteRejectedException NotFound(string message) => new(WriteRejection.NotFound, message);

    public static WriteRejectedException Forbidden(string message) => new(WriteRejection.Forbidden, message);
}
