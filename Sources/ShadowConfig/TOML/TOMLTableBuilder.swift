/// One component of a dotted key, with where it was written.
struct TOMLKeyPart {
    var name: String
    var line: Int
    var column: Int
}

/// A table while the document is being read: it remembers how it came to exist, which decides whether a
/// later header or dotted key may extend it (TOML 1.0 §Table).
final class TOMLTableBuilder {
    /// How the table was created.
    enum Origin {
        /// Created as the parent of a header (`a` in `[a.b]`); a later `[a]` may still define it once.
        case implicit
        /// Defined by its own `[header]`, or the document root.
        case header
        /// Created by a dotted key (`a.b = 1` creates `a`); only more dotted keys may extend it.
        case dotted
    }

    /// What a key of a table under construction holds.
    enum Node {
        case value(TOMLValue)
        case table(TOMLTableBuilder)
        case tableArray(TOMLTableArrayBuilder)
    }

    /// A key with its position and content.
    struct Slot {
        var line: Int
        var column: Int
        var node: Node
    }

    var origin: Origin
    /// The table's key path from the document root (from the inline table, for tables inside one).
    let path: [String]
    var line: Int
    var column: Int
    private(set) var keys: [String] = []
    private var slots: [String: Slot] = [:]

    init(origin: Origin, path: [String], line: Int, column: Int) {
        self.origin = origin
        self.path = path
        self.line = line
        self.column = column
    }

    subscript(key: String) -> Slot? { slots[key] }

    /// Adds a new key (callers check that it is absent).
    func add(_ key: TOMLKeyPart, _ node: Node) {
        keys.append(key.name)
        slots[key.name] = Slot(line: key.line, column: key.column, node: node)
    }

    /// The finished, immutable table.
    func build() -> TOMLTable {
        TOMLTable(entries: keys.map { key in
            let slot = slots[key]!
            return TOMLTable.Entry(key: key, line: slot.line, column: slot.column, value: Self.value(of: slot.node))
        })
    }

    private static func value(of node: Node) -> TOMLValue {
        switch node {
        case .value(let value):
            return value
        case .table(let table):
            return TOMLValue(.table(table.build()), line: table.line, column: table.column)
        case .tableArray(let array):
            let tables = array.tables.map { TOMLValue(.table($0.build()), line: $0.line, column: $0.column) }
            return TOMLValue(.array(tables), line: array.line, column: array.column)
        }
    }
}

/// An array of tables (`[[name]]`) while the document is being read.
final class TOMLTableArrayBuilder {
    var tables: [TOMLTableBuilder] = []
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
