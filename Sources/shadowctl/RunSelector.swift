import ArgumentParser

/// Which run a query looks at: a run id, or `latest` (the highest id in `runs`).
enum RunSelector: ExpressibleByArgument, Equatable {
    case id(Int64)
    case latest

    init?(argument: String) {
        if argument == "latest" { self = .latest; return }
        guard let id = Int64(argument), id > 0 else { return nil }
        self = .id(id)
    }

    static var defaultCompletionKind: CompletionKind { .list(["latest"]) }

    /// The `WHERE` clause part matching `column` against this run, and its bound values.
    func filter(column: String) -> (sql: String, values: [QueryValue]) {
        switch self {
        case .id(let id): return ("\(column) = ?", [.integer(id)])
        case .latest: return ("\(column) = (SELECT max(id) FROM runs)", [])
        }
    }
}
