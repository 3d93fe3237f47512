using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Catalog.Store.Import;

/// <summary>
/// Compiles, once per entity type, the binding of a row's column values to a <see cref="SqliteRowStatement"/>:
/// each column's property read, its type mapping's converter (inlined from the converter's expression) and the
/// statement's typed bind. Going through EF's object getters and converters boxed every value and cast it back,
/// a sixth of the import's writer thread.
/// </summary>
internal static class SqliteRowBinder
{
    private static readonly MethodInfo BindNull = Method(nameof(SqliteRowStatement.BindNull), typeof(int));
    private static readonly MethodInfo BindJsonArray = Method(nameof(SqliteRowStatement.BindJsonArray), typeof(int), typeof(List<string>));

    public static Action<T, SqliteRowStatement> Compile<T>(IReadOnlyList<IProperty> columns, IReadOnlyList<RelationalTypeMapping> mappings)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var statement = Expression.Parameter(typeof(SqliteRowStatement), "statement");
        var binds = columns.Select((column, c) => BindColumn(row, statement, column, mappings[c], c + 1)).ToList();
        return Expression.Lambda<Action<T, SqliteRowStatement>>(Expression.Block(binds), row, statement).Compile();
    }

    private static Expression BindColumn(Expression row, Expression statement, IProperty column, RelationalTypeMapping mapping, int position)
    {
        var member = (MemberInfo?)column.PropertyInfo ?? column.FieldInfo
            ?? throw new NotSupportedException($"The import's SQLite inserts do not bind shadow property {column.Name}.");
        var value = Expression.MakeMemberAccess(row, member);
        var index = Expression.Constant(position);
        var bindNull = Expression.Call(statement, BindNull, index);

        // EF Core stores a list of strings on SQLite as a JSON array; writing it here skips its generic converter.
        if (mapping.ElementTypeMapping is not null && value.Type == typeof(List<string>))
            return Expression.IfThenElse(Expression.Equal(value, Expression.Constant(null)), bindNull, Expression.Call(statement, BindJsonArray, index, value));

        // As in SaveChanges, a converter never sees null: a null value is bound as NULL unconverted.
        var underlying = Nullable.GetUnderlyingType(value.Type);
        Expression present = underlying is null ? value : Expression.Property(value, nameof(Nullable<int>.Value));
        if (mapping.Converter is { } converter)
            present = Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(present, converter.ModelClrType));
        var bind = BindValue(statement, index, present, column);
        if (underlying is not null)
            return Expression.IfThenElse(Expression.Property(value, nameof(Nullable<int>.HasValue)), bind, bindNull);
        return value.Type.IsValueType ? bind : Expression.IfThenElse(Expression.Equal(value, Expression.Constant(null)), bindNull, bind);
    }

    /// <summary>The statement's bind for a provider value's type; an unknown type fails when the binder is compiled, not mid-import.</summary>
    private static MethodCallExpression BindValue(Expression statement, Expression index, Expression value, IProperty column)
    {
        var type = value.Type;
        Expression converted = type switch
        {
            _ when type == typeof(bool) => Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L)),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => Expression.Convert(value, typeof(long)),
            _ when type == typeof(float) => Expression.Convert(value, typeof(double)),
            _ when type == typeof(string) || type == typeof(double) || type == typeof(DateTime) || type == typeof(DateOnly) => value,
            _ => throw new NotSupportedException($"The import's SQLite inserts do not bind {type.Name} values ({column.DeclaringType.DisplayName()}.{column.Name})."),
        };
        return Expression.Call(statement, Method(nameof(SqliteRowStatement.Bind), typeof(int), converted.Type), index, converted);
    }

    private static MethodInfo Method(string name, params Type[] parameters) =>
        typeof(SqliteRowStatement).GetMethod(name, parameters) ?? throw new MissingMethodException(nameof(SqliteRowStatement), name);
}
