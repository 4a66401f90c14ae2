/// One TOML table being read into settings: typed getters that report mistakes with the key path and line.
struct ConfigTableReader {
    let table: TOMLTable
    /// The table's own key path (`store`, `models[1]`, or empty for the document root).
    let path: String
    /// The line of the table's header (or of the key that made it).
    let line: Int
    let diagnostics: ConfigDiagnostics

    /// The full path of one of this table's keys.
    func keyPath(_ key: String) -> String {
        let part = TOMLKeyPath.quoted(key)
        return path.isEmpty ? part : path + "." + part
    }

    /// Reports a problem with the value of `key`, at the value's line.
    func report(_ key: String, _ message: String) {
        diagnostics.report(line: table[key]?.line ?? line, keyPath: keyPath(key), message)
    }

    /// Reports a required key that is absent, at the table's line.
    func reportMissing(_ key: String, _ message: String = "required key is missing") {
        diagnostics.report(line: line, keyPath: keyPath(key), message)
    }

    /// Reports every key not in `known`, suggesting the closest known key when one is near.
    func rejectUnknownKeys(known: [String]) {
        for entry in table.entries where !known.contains(entry.key) {
            let hint: String
            if let guess = KeySuggestion.closest(to: entry.key, among: known) {
                hint = "did you mean \"\(guess)\"?"
            } else {
                hint = "expected one of: " + known.joined(separator: ", ")
            }
            diagnostics.report(line: entry.line, keyPath: keyPath(entry.key), "unknown key (\(hint))")
        }
    }

    /// The value of `key` when it is present and has the expected type; reports a mismatch.
    func value<T>(_ key: String, _ expected: String, _ extract: (TOMLValue) -> T?) -> T? {
        guard let value = table[key] else { return nil }
        guard let result = extract(value) else {
            report(key, "expected \(expected), found \(value.typeName)")
            return nil
        }
        return result
    }

    func string(_ key: String) -> String? { value(key, "a string") { $0.string } }

    func bool(_ key: String) -> Bool? { value(key, "a boolean") { $0.boolean } }

    /// A string naming one case of `E`; reports unknown values with the list of known ones.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = string(key) else { return nil }
        guard let result = E(rawValue: text) else {
            let names = E.allCases.map(\.rawValue).joined(separator: ", ")
            report(key, "unknown value \(Self.quote(text)) (expected one of: \(names))")
            return nil
        }
        return result
    }

    /// An integer within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let raw = value(key, "an integer", { $0.integer }) else { return nil }
        guard let number = Int(exactly: raw), range.contains(number) else {
            report(key, Self.rangeMessage(lower: "\(range.lowerBound)",
                                          upper: range.upperBound == .max ? nil : "\(range.upperBound)", found: "\(raw)"))
            return nil
        }
        return number
    }

    /// A finite number (integer or float) within `range`.
    func double(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let number = value(key, "a number", { $0.double }) else { return nil }
        guard number.isFinite else {
            report(key, "expected a finite number, found \(number)")
            return nil
        }
        guard range.contains(number) else {
            report(key, Self.rangeMessage(lower: Self.format(range.lowerBound),
                                          upper: range.upperBound.isFinite ? Self.format(range.upperBound) : nil,
                                          found: Self.format(number)))
            return nil
        }
        return number
    }

    /// An array of strings; each wrong element is reported with its index.
    func strings(_ key: String) -> [String]? {
        guard let elements = value(key, "an array of strings", { $0.array }) else { return nil }
        var result: [String] = []
        var ok = true
        for (i, element) in elements.enumerated() {
            if let s = element.string {
                result.append(s)
            } else {
                diagnostics.report(line: element.line, keyPath: keyPath(key) + "[\(i)]",
                                   "expected a string, found \(element.typeName)")
                ok = false
            }
        }
        return ok ? result : nil
    }

    /// A sub-table (`[path.key]` or an inline table).
    func table(_ key: String) -> ConfigTableReader? {
        guard let sub = value(key, "a table", { $0.table }) else { return nil }
        return ConfigTableReader(table: sub, path: keyPath(key), line: table[key]?.line ?? line,
                                 diagnostics: diagnostics)
    }

    /// An array of tables (`[[key]]`), each element named `key[i]`.
    func tables(_ key: String) -> [ConfigTableReader]? {
        let expected = "an array of tables ([[\(keyPath(key))]])"
        guard let elements = value(key, expected, { $0.array }) else { return nil }
        var result: [ConfigTableReader] = []
        for (i, element) in elements.enumerated() {
            let elementPath = keyPath(key) + "[\(i)]"
            guard let sub = element.table else {
                diagnostics.report(line: element.line, keyPath: elementPath, "expected a table, found \(element.typeName)")
                continue
            }
            result.append(ConfigTableReader(table: sub, path: elementPath, line: element.line, diagnostics: diagnostics))
        }
        return result
    }

    static func rangeMessage(lower: String, upper: String?, found: String) -> String {
        guard let upper else { return "must be at least \(lower), found \(found)" }
        return "must be between \(lower) and \(upper), found \(found)"
    }

    /// A number as a person writes it: `1` rather than `1.0`.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A string in double quotes, escaped as TOML would write it.
    static func quote(_ s: String) -> String { TOMLKeyPath.basicString(s) }
}
