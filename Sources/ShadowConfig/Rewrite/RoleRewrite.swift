import ShadowCore

/// Changes the `role` of named `[[models]]` entries in config text, touching nothing but the quoted value on each
/// `role = "…"` line: comments, spacing, key order and every other line stay byte for byte.
public enum RoleRewrite {
    /// The text with each model in `roles` given its new role. Throws when a model is missing, its `role` is not a
    /// one-line string, or the result does not read back with exactly those roles and nothing else changed.
    public static func rewrite(_ text: String, file: String, roles: [String: ModelRole]) throws(RewriteError) -> String {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(text)
        } catch {
            throw RewriteError(.syntax, file: file, line: error.line, error.message)
        }
        let models = try entries(document, file: file)
        var lines = Self.lines(text)
        var edits: [(value: TOMLValue, keyPath: String, role: ModelRole)] = []
        for (name, role) in roles.sorted(by: { $0.key < $1.key }) {
            guard let (index, table) = models.first(where: { $0.1["name"]?.string == name }) else {
                let known = models.compactMap { $0.1["name"]?.string }.joined(separator: ", ")
                throw RewriteError(.unknownModel, file: file, keyPath: "models",
                                   "no [[models]] entry is named \"\(name)\" (found: \(known))")
            }
            let keyPath = "models[\(index)].role"
            guard let value = table["role"], value.string != nil else {
                throw RewriteError(.roleNotEditable, file: file, line: table["name"]?.line ?? 0, keyPath: keyPath,
                                   "the model has no role string to change")
            }
            guard value.line - 1 < lines.count else {
                throw RewriteError(.roleNotEditable, file: file, line: value.line, keyPath: keyPath, "line out of range")
            }
            edits.append((value, keyPath, role))
        }
        // Right to left within a line, so an earlier edit never shifts the column of a later one (inline tables).
        for edit in edits.sorted(by: { ($0.value.line, -$0.value.column) < ($1.value.line, -$1.value.column) }) {
            let row = edit.value.line - 1
            lines[row] = try replaceString(in: lines[row], at: edit.value.column, with: edit.role.rawValue, file: file,
                                           line: edit.value.line, keyPath: edit.keyPath)
        }
        let edited = Set(edits.map { $0.value.line - 1 })
        let result = lines.joined(separator: "\n")
        try verify(result, original: text, file: file, roles: roles, editedLines: edited)
        return result
    }

    /// The text split at each line feed (a carriage return before it stays with its line, as in CRLF files).
    static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// The `[[models]]` tables with their indexes.
    static func entries(_ document: TOMLTable, file: String) throws(RewriteError) -> [(Int, TOMLTable)] {
        guard let array = document["models"]?.array else {
            throw RewriteError(.unknownModel, file: file, keyPath: "models", "the config has no [[models]] entries")
        }
        return array.enumerated().compactMap { i, element in element.table.map { (i, $0) } }
    }

    /// `line` with the one-line string literal starting at `column` (1-based, in Unicode scalars) replaced by
    /// `replacement` in the same quote style.
    static func replaceString(in line: String, at column: Int, with replacement: String, file: String, line number: Int,
                              keyPath: String) throws(RewriteError) -> String {
        let scalars = Array(line.unicodeScalars)
        let start = column - 1
        func refuse(_ why: String) -> RewriteError {
            RewriteError(.roleNotEditable, file: file, line: number, keyPath: keyPath, why + "; edit the role by hand")
        }
        guard start >= 0, start < scalars.count, scalars[start] == "\"" || scalars[start] == "'" else {
            throw refuse("expected a quoted string at column \(column)")
        }
        let quote = scalars[start]
        if start + 2 < scalars.count, scalars[start + 1] == quote, scalars[start + 2] == quote {
            throw refuse("the role is a multi-line string")
        }
        var end = start + 1
        while end < scalars.count, scalars[end] != quote {
            end += quote == "\"" && scalars[end] == "\\" ? 2 : 1
        }
        guard end < scalars.count else { throw refuse("the role string does not end on its line") }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[...start])
        out.append(contentsOf: replacement.unicodeScalars)
        out.append(contentsOf: scalars[end...])
        return String(out)
    }

    /// The rewritten text must parse, give each named model its new role, keep every other model's role and
    /// differ from the original only on the edited lines.
    static func verify(_ text: String, original: String, file: String, roles: [String: ModelRole],
                       editedLines: Set<Int>) throws(RewriteError) {
        func fail(_ why: String) -> RewriteError { RewriteError(.verifyFailed, file: file, why) }
        let before = lines(original)
        let after = lines(text)
        guard before.count == after.count else { throw fail("the line count changed") }
        for (i, (a, b)) in zip(before, after).enumerated() where a != b && !editedLines.contains(i) {
            throw fail("line \(i + 1) changed unexpectedly")
        }
        guard let oldDoc = try? TOMLParser.parse(original), let newDoc = try? TOMLParser.parse(text),
              let old = try? entries(oldDoc, file: file), let new = try? entries(newDoc, file: file),
              old.count == new.count else {
            throw fail("the rewritten text does not parse")
        }
        for ((_, a), (_, b)) in zip(old, new) {
            let name = a["name"]?.string ?? ""
            let expected = roles[name]?.rawValue ?? a["role"]?.string
            guard b["name"]?.string == name, b["role"]?.string == expected else {
                throw fail("model \"\(name)\" did not read back with role \(expected ?? "?")")
            }
            guard a.keys == b.keys else { throw fail("model \"\(name)\" lost or gained keys") }
        }
    }
}
