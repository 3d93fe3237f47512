using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Catalog.Store.Import;

/// <summary>
/// Compiles, once per entity type, the encoding of a row's column values into <see cref="SqliteRows"/>: each
/// column's property read, its type mapping's converter (inlined from the converter's expression) and the typed
/// encoding of the provider value. Going through EF's object getters and converters boxed every value and cast
/// it back, a sixth of the import's writer thread.
/// </summary>
internal static class SqliteRowEncoder
{
    private static readonly MethodInfo AddNull = Method(nameof(SqliteRows.AddNull));
    private static readonly MethodInfo AddJsonArray = Method(nameof(SqliteRows.AddJsonArray), typeof(List<string>));

    public static Action<T, SqliteRows> Compile<T>(IReadOnlyList<IProperty> columns, IReadOnlyList<RelationalTypeMapping> mappings)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var rows = Expression.Parameter(typeof(SqliteRows), "rows");
        var adds = columns.Select((column, c) => AddColumn(row, rows, column, mappings[c])).ToList();
        return Expression.Lambda<Action<T, SqliteRows>>(Expression.Block(adds), row, rows).Compile();
    }

    private static Expression AddColumn(Expression row, Expression rows, IProperty column, RelationalTypeMapping mapping)
    {
        var member = (MemberInfo?)column.PropertyInfo ?? column.FieldInfo
            ?? throw new NotSupportedException($"The import's SQLite inserts do not store shadow property {column.Name}.");
        var value = Expression.MakeMemberAccess(row, member);
        var addNull = Expression.Call(rows, AddNull);

        // EF Core stores a list of strings on SQLite as a JSON array; writing it here skips its generic converter.
        if (mapping.ElementTypeMapping is not null && value.Type == typeof(List<string>))
            return Expression.IfThenElse(Expression.Equal(value, Expression.Constant(null)), addNull, Expression.Call(rows, AddJsonArray, value));

        // As in SaveChanges, a converter never sees null: a null value is stored as NULL unconverted.
        var underlying = Nullable.GetUnderlyingType(value.Type);
        Expression present = underlying is null ? value : Expression.Property(value, nameof(Nullable<int>.Value));
        if (mapping.Converter is { } converter)
            present = Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(present, converter.ModelClrType));
        var add = AddValue(rows, present, column);
        if (underlying is not null)
            return Expression.IfThenElse(Expression.Property(value, nameof(Nullable<int>.HasValue)), add, addNull);
        return value.Type.IsValueType ? add : Expression.IfThenElse(Expression.Equal(value, Expression.Constant(null)), addNull, add);
    }

    /// <summary>The encoding of a provider value's type; an unknown type fails when the encoder is compiled, not mid-import.</summary>
    private static MethodCallExpression AddValue(Expression rows, Expression value, IProperty column)
    {
        var type = value.Type;
        Expression converted = type switch
        {
            _ when type == typeof(bool) => Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L)),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => Expression.Convert(value, typeof(long)),
            _ when type == typeof(float) => Expression.Convert(value, typeof(double)),
            _ when type == typeof(string) || type == typeof(double) || type == typeof(DateTime) || type == typeof(DateOnly) => value,
            _ => throw new NotSupportedException($"The import's SQLite inserts do not store {type.Name} values ({column.DeclaringType.DisplayName()}.{column.Name})."),
        };
        return Expression.Call(rows, Method(nameof(SqliteRows.Add), converted.Type), converted);
    }

    private static MethodInfo Method(string name, params Type[] parameters) =>
        typeof(SqliteRows).GetMethod(name, parameters) ?? throw new MissingMethodException(nameof(SqliteRows), name);
}
