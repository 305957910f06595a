using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Features.Portability;

/// <summary>
/// Every table of the EF model, in foreign-key order (a table after the tables it points at), read from the model
/// itself so a table added later is exported and imported without code here. The search index is not in the model
/// (SQLite's FTS5 tables, PostgreSQL's SearchText and SearchCatalogue are created by migrations in SQL): it is
/// rebuilt after an import, never copied.
/// </summary>
public sealed class CatalogueTables
{
    private CatalogueTables(IReadOnlyList<CatalogueTable> tables) => Tables = tables;

    public IReadOnlyList<CatalogueTable> Tables { get; }

    public CatalogueTable? Find(string name) => Tables.FirstOrDefault(t => t.Name == name);

    public static CatalogueTables Of(DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entities = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null && e.FindPrimaryKey() is not null && !e.IsOwned())
            .ToList();
        if (entities.GroupBy(e => e.GetTableName()).Any(g => g.Count() > 1))
        {
            throw new InvalidOperationException("A table holds more than one entity type; export reads one entity type per table.");
        }
        return new CatalogueTables([.. InForeignKeyOrder(entities).Select(e => CatalogueTable.Of(e, sql))]);
    }

    /// <summary>Depth-first: each table after every table its foreign keys point at (a key to its own table is set in a second pass).</summary>
    private static List<IEntityType> InForeignKeyOrder(List<IEntityType> entities)
    {
        var ordered = new List<IEntityType>();
        var state = new Dictionary<IEntityType, bool>();
        void Visit(IEntityType entity)
        {
            if (state.TryGetValue(entity, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"The tables around {entity.GetTableName()} point at each other in a circle; export cannot order them.");
                }
                return;
            }
            state[entity] = false;
            foreach (var key in entity.GetForeignKeys().Where(k => k.PrincipalEntityType != entity).OrderBy(k => k.PrincipalEntityType.GetTableName(), StringComparer.Ordinal))
            {
                Visit(key.PrincipalEntityType);
            }
            state[entity] = true;
            ordered.Add(entity);
        }
        foreach (var entity in entities.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entity);
        }
        return ordered;
    }
}

/// <summary>One table: its columns (every mapped property, shadow ones too) and how to read and write their values.</summary>
public sealed class CatalogueTable
{
    private CatalogueTable(IEntityType entity, string name, string delimitedName, IReadOnlyList<CatalogueColumn> columns, IReadOnlyList<CatalogueColumn> key, IReadOnlyList<CatalogueColumn> selfReferences)
    {
        Entity = entity;
        Name = name;
        DelimitedName = delimitedName;
        Columns = columns;
        Key = key;
        SelfReferences = selfReferences;
    }

    public IEntityType Entity { get; }

    public string Name { get; }

    public string DelimitedName { get; }

    public IReadOnlyList<CatalogueColumn> Columns { get; }

    public IReadOnlyList<CatalogueColumn> Key { get; }

    /// <summary>Nullable columns pointing at a row of the same table (an annex inside an annex): imported as null, then set once every row is in.</summary>
    public IReadOnlyList<CatalogueColumn> SelfReferences { get; }

    public CatalogueColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    public string SelectSql =>
        $"SELECT {string.Join(", ", Columns.Select(c => c.DelimitedName))} FROM {DelimitedName} ORDER BY {string.Join(", ", Key.Select(c => c.DelimitedName))}";

    public string CountSql => $"SELECT COUNT(*) FROM {DelimitedName}";

    internal static CatalogueTable Of(IEntityType entity, ISqlGenerationHelper sql)
    {
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(store) is not null)
            .Select(p => new CatalogueColumn(p, p.GetColumnName(store)!, sql.DelimitIdentifier(p.GetColumnName(store)!)))
            .ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(p => columns.Single(c => c.Property == p)).ToList();
        var selfReferences = entity.GetForeignKeys()
            .Where(k => k.PrincipalEntityType == entity)
            .SelectMany(k => k.Properties)
            .Select(p => columns.Single(c => c.Property == p))
            .ToList();
        if (selfReferences.Any(c => !c.Property.IsNullable))
        {
            throw new InvalidOperationException($"{name} points at itself through a required column; export can only order a nullable one.");
        }
        return new CatalogueTable(entity, name, sql.DelimitIdentifier(name, entity.GetSchema()), columns, key, selfReferences);
    }
}

/// <summary>
/// A column and its EF type mapping: a value is read in the provider's type and converted to the model's (an enum
/// stored as text, a time stored as a number), so the file holds model values that either provider can write back.
/// </summary>
public sealed class CatalogueColumn
{
    private readonly RelationalTypeMapping _mapping;
    private readonly Func<DbDataReader, int, object> _read;

    internal CatalogueColumn(IProperty property, string name, string delimitedName)
    {
        Property = property;
        Name = property.Name;
        ColumnName = name;
        DelimitedName = delimitedName;
        _mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var providerType = _mapping.Converter?.ProviderClrType ?? _mapping.ClrType;
        _read = Reader(Nullable.GetUnderlyingType(providerType) ?? providerType);
    }

    public IProperty Property { get; }

    /// <summary>The property's name: the file's key for the value.</summary>
    public string Name { get; }

    public string ColumnName { get; }

    public string DelimitedName { get; }

    /// <summary>The model's type of the value (what the file's JSON is read back as).</summary>
    public Type ClrType => Property.ClrType;

    /// <summary>The model value in the reader's column, or null.</summary>
    public object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        var value = _read(reader, ordinal);
        return _mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
    }

    /// <summary>A parameter holding the model value in the provider's type.</summary>
    public DbParameter Parameter(DbCommand command, string name, object? value) =>
        _mapping.CreateParameter(command, name, value, Property.IsNullable);

    private static Func<DbDataReader, int, object> Reader(Type type)
    {
        var reader = Expression.Parameter(typeof(DbDataReader));
        var ordinal = Expression.Parameter(typeof(int));
        var call = Expression.Call(reader, nameof(DbDataReader.GetFieldValue), [type], ordinal);
        return Expression.Lambda<Func<DbDataReader, int, object>>(Expression.Convert(call, typeof(object)), reader, ordinal).Compile();
    }
}
