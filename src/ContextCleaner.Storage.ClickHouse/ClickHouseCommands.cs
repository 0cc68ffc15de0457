using ClickHouse.Driver.ADO;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>Builds commands whose values travel as server-side parameters (<c>{name:Type}</c> in the SQL), never as SQL text.</summary>
internal static class ClickHouseCommands
{
    public static ClickHouseCommand Create(ClickHouseConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    public static void Add(ClickHouseCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
