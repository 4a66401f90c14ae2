import ShadowConfig

/// Typed getters over one strategies-file table that throw `BacktestFileError` with the value's line.
struct TableReader {
    let table: TOMLTable
    let path: String
    let line: Int
    let file: String

    func error(_ key: String, _ message: String) -> BacktestFileError {
        BacktestFileError(file: file, line: table[key]?.line ?? line, keyPath: path.isEmpty ? key : "\(path).\(key)",
                          message: message)
    }

    func rejectUnknown(_ known: [String]) throws(BacktestFileError) {
        for entry in table.entries where !known.contains(entry.key) {
            throw error(entry.key, "unknown key (expected one of: \(known.joined(separator: ", ")))")
        }
    }

    func string(_ key: String) throws(BacktestFileError) -> String? {
        guard let v = table[key] else { return nil }
        guard let s = v.string else { throw error(key, "expected a string, found \(v.typeName)") }
        return s
    }

    func strings(_ key: String) throws(BacktestFileError) -> [String]? {
        guard let v = table[key] else { return nil }
        guard let items = v.array else { throw error(key, "expected an array of strings, found \(v.typeName)") }
        var out: [String] = []
        for item in items {
            guard let s = item.string else { throw error(key, "expected an array of strings, found a \(item.typeName) in it") }
            out.append(s)
        }
        return out
    }

    func integer(_ key: String, min: Int) throws(BacktestFileError) -> Int? {
        guard let v = table[key] else { return nil }
        guard let i = v.integer, let n = Int(exactly: i) else { throw error(key, "expected an integer, found \(v.typeName)") }
        guard n >= min else { throw error(key, "must be at least \(min), found \(n)") }
        return n
    }

    func number(_ key: String, min: Double) throws(BacktestFileError) -> Double? {
        guard let v = table[key] else { return nil }
        guard let x = v.double, x.isFinite else { throw error(key, "expected a finite number, found \(v.typeName)") }
        guard x >= min else { throw error(key, "must be at least \(min), found \(x)") }
        return x
    }
}
