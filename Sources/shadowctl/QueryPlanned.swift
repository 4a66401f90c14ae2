import ArgumentParser
import Foundation
import ShadowSQLite

/// Queries that read the database before choosing their SQL (`query disagreements`' planner): opens it read-only,
/// lets `body` build the table, and prints it in the chosen format.
enum QueryPlanned {
    static func print(options: QueryOptions, _ body: (SQLiteDatabase) throws -> QueryTable) throws {
        let path = try options.databasePath()
        let table: QueryTable
        do {
            let db = try SQLiteDatabase.openShadowReader(path: path)
            defer { db.close() }
            table = try body(db)
        } catch {
            FileHandle.standardError.write(Data("shadowctl: \(path): \(error)\n".utf8))
            throw ExitCode(1)
        }
        let text: String
        switch options.format {
        case .json: text = TableOutput.json(columns: table.columns, rows: table.rows)
        case .csv: text = TableOutput.csv(columns: table.columns, rows: table.rows)
        case .table:
            text = TableOutput.table(columns: table.columns, rows: table.rows, width: TableOutput.terminalWidth())
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension RunSelector {
    /// The run id this selects (`latest`: the highest id; 0 when there is no run, which matches nothing).
    func resolve(_ db: SQLiteDatabase) throws -> Int64 {
        switch self {
        case .id(let id): return id
        case .latest: return try db.scalar("SELECT max(id) FROM runs").flatMap { $0.intValue.map(Int64.init) } ?? 0
        }
    }
}
