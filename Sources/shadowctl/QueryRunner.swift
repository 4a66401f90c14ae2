import ArgumentParser
import Foundation
import ShadowSQLite

/// A bound value of a query.
enum QueryValue {
    case integer(Int64)
    case text(String)

    var sqlite: SQLiteValue {
        switch self {
        case .integer(let v): return .integer(v)
        case .text(let v): return .text(v)
        }
    }
}

/// Runs a query on the database read-only and prints its rows in the chosen format.
enum QueryRunner {
    static func print(sql: String, values: [QueryValue], options: QueryOptions) throws {
        let path = try options.databasePath()
        let columns: [String]
        let rows: [[SQLiteValue]]
        do {
            let db = try SQLiteDatabase.openShadowReader(path: path)
            defer { db.close() }
            let statement = try db.prepare(sql)
            try statement.bind(values.map(\.sqlite))
            columns = (0..<statement.columnCount).map { statement.columnName(at: $0) }
            var out: [[SQLiteValue]] = []
            while try statement.step() {
                out.append((0..<statement.columnCount).map { statement.value(at: $0) })
            }
            rows = out
        } catch {
            FileHandle.standardError.write(Data("shadowctl: \(path): \(error)\n".utf8))
            throw ExitCode(1)
        }
        let text: String
        switch options.format {
        case .json: text = TableOutput.json(columns: columns, rows: rows)
        case .csv: text = TableOutput.csv(columns: columns, rows: rows)
        case .table: text = TableOutput.table(columns: columns, rows: rows, width: TableOutput.terminalWidth())
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
