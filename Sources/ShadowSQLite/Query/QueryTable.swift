/// The rows of a query with their column names, as `shadowctl query` prints them.
public struct QueryTable: Sendable, Equatable {
    /// Column names, in select order.
    public var columns: [String]
    /// Each row's values, in column order.
    public var rows: [[SQLiteValue]]

    /// A table of `columns` and `rows`.
    public init(columns: [String], rows: [[SQLiteValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Runs `sql` with `values` bound in order and collects every row.
    public static func run(_ sql: String, values: [SQLiteValue], on db: SQLiteDatabase) throws -> QueryTable {
        let statement = try db.prepare(sql)
        try statement.bind(values)
        let columns = (0..<statement.columnCount).map { statement.columnName(at: $0) }
        var rows: [[SQLiteValue]] = []
        while try statement.step() { rows.append((0..<statement.columnCount).map { statement.value(at: $0) }) }
        return QueryTable(columns: columns, rows: rows)
    }
}
