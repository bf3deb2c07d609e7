using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Faultline.Infrastructure.Identity;

/// <summary>
/// Keeps ASP.NET Core's Data Protection key ring in the catalog, so session cookies and antiforgery
/// tokens survive restarts and are readable by every WebApi instance. The key ring is read while
/// the host starts, before the schema migrations run, so this adapter creates its own table.
/// </summary>
internal sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    private const string CreateTable = """
        CREATE SCHEMA IF NOT EXISTS catalog;
        CREATE TABLE IF NOT EXISTS catalog.data_protection_keys (
            friendly_name text        PRIMARY KEY,
            xml           text        NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now());
        """;

    private volatile bool _tableExists;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var command = dataSource.CreateCommand("SELECT xml FROM catalog.data_protection_keys ORDER BY created_at");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureTable();
        using var command = dataSource.CreateCommand(
            "INSERT INTO catalog.data_protection_keys (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    private void EnsureTable()
    {
        if (_tableExists) return;
        try
        {
            using var command = dataSource.CreateCommand(CreateTable);
            command.ExecuteNonQuery();
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable
                                                       or PostgresErrorCodes.DuplicateSchema)
        {
            // Another instance created it at the same moment.
        }

        _tableExists = true;
    }
}
