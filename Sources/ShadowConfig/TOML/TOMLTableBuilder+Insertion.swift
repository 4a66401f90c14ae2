/// The TOML 1.0 rules for headers and dotted keys: what may define, extend or append to what.
extension TOMLTableBuilder {
    /// Opens the table of a `[a.b.c]` header, creating parents as needed.
    func openTable(_ keys: [TOMLKeyPart]) throws(TOMLError) -> TOMLTableBuilder {
        let parent = try descendForHeader(keys, header: "[\(TOMLKeyPath.display(keys))]")
        let last = keys[keys.count - 1]
        guard let slot = parent[last.name] else {
            let table = TOMLTableBuilder(origin: .header, path: keys.map(\.name), line: last.line,
                                         column: last.column)
            parent.add(last, .table(table))
            return table
        }
        let name = TOMLKeyPath.display(keys)
        switch slot.node {
        case .table(let table) where table.origin == .implicit:
            table.origin = .header
            table.line = last.line
            table.column = last.column
            return table
        case .table(let table) where table.origin == .dotted:
            throw Self.error(last, "table [\(name)] was already created by dotted keys at line \(slot.line)")
        case .table:
            throw Self.error(last, "table [\(name)] is already defined at line \(slot.line)")
        case .tableArray:
            throw Self.error(last, "cannot define table [\(name)]: it is an array of tables (line \(slot.line))")
        case .value(let value):
            throw Self.error(last, "cannot define table [\(name)]: the key already holds \(value.typeName) "
                + "(line \(slot.line))")
        }
    }

    /// Appends a new table to the array of a `[[a.b.c]]` header, creating the array and parents as needed.
    func appendTable(_ keys: [TOMLKeyPart]) throws(TOMLError) -> TOMLTableBuilder {
        let parent = try descendForHeader(keys, header: "[[\(TOMLKeyPath.display(keys))]]")
        let last = keys[keys.count - 1]
        let table = TOMLTableBuilder(origin: .header, path: keys.map(\.name), line: last.line, column: last.column)
        guard let slot = parent[last.name] else {
            let array = TOMLTableArrayBuilder(line: last.line, column: last.column)
            array.tables.append(table)
            parent.add(last, .tableArray(array))
            return table
        }
        let name = TOMLKeyPath.display(keys)
        switch slot.node {
        case .tableArray(let array):
            array.tables.append(table)
            return table
        case .table:
            throw Self.error(last, "cannot define array of tables [[\(name)]]: it is already a table (line \(slot.line))")
        case .value(let value) where value.array != nil:
            throw Self.error(last, "cannot append to [[\(name)]]: it is a static array (line \(slot.line))")
        case .value(let value):
            throw Self.error(last, "cannot define array of tables [[\(name)]]: the key already holds "
                + "\(value.typeName) (line \(slot.line))")
        }
    }

    /// Stores `value` under a dotted key, creating the intermediate tables.
    func insert(_ keys: [TOMLKeyPart], value: TOMLValue) throws(TOMLError) {
        var table = self
        for (depth, part) in keys.enumerated() {
            let isLast = depth == keys.count - 1
            let prefix = TOMLKeyPath.display(names: path + keys[...depth].map(\.name))
            guard let slot = table[part.name] else {
                if isLast {
                    table.add(part, .value(value))
                    return
                }
                let child = TOMLTableBuilder(origin: .dotted, path: table.path + [part.name], line: part.line,
                                             column: part.column)
                table.add(part, .table(child))
                table = child
                continue
            }
            if isLast {
                let written = TOMLKeyPath.display(keys)
                throw Self.error(part, "duplicate key \"\(written)\" (first defined at line \(slot.line))")
            }
            switch slot.node {
            case .table(let child) where child.origin == .dotted:
                table = child
            case .table:
                throw Self.error(part, "cannot add to table [\(prefix)] with dotted keys: it comes from a table "
                    + "header (line \(slot.line))")
            case .tableArray:
                throw Self.error(part, "cannot add to \"\(prefix)\" with dotted keys: it is an array of tables "
                    + "(line \(slot.line))")
            case .value(let existing):
                throw Self.error(part, "cannot use \"\(prefix)\" as a table: it already holds \(existing.typeName) "
                    + "(line \(slot.line))")
            }
        }
    }

    /// Walks the parents of a header's last key: creates missing ones, enters the last table of an array.
    private func descendForHeader(_ keys: [TOMLKeyPart], header: String) throws(TOMLError) -> TOMLTableBuilder {
        var table = self
        for (depth, part) in keys.dropLast().enumerated() {
            guard let slot = table[part.name] else {
                let child = TOMLTableBuilder(origin: .implicit, path: keys[...depth].map(\.name), line: part.line,
                                             column: part.column)
                table.add(part, .table(child))
                table = child
                continue
            }
            switch slot.node {
            case .table(let child):
                table = child
            case .tableArray(let array):
                table = array.tables[array.tables.count - 1]
            case .value(let value):
                let prefix = TOMLKeyPath.display(keys[...depth])
                throw Self.error(part, "cannot define \(header): \"\(prefix)\" already holds \(value.typeName) "
                    + "(line \(slot.line))")
            }
        }
        return table
    }

    private static func error(_ part: TOMLKeyPart, _ message: String) -> TOMLError {
        TOMLError(line: part.line, column: part.column, message: message)
    }
}
