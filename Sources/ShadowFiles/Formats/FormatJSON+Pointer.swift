extension FormatJSON {
    /// The reference tokens of an RFC 6901 pointer (`~1` is `/`, `~0` is `~`); the root pointer "" has none.
    static func tokens(of pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            var out = ""
            var tilde = false
            for c in part {
                if tilde {
                    out.append(c == "1" ? "/" : c == "0" ? "~" : c)
                    tilde = false
                } else if c == "~" {
                    tilde = true
                } else {
                    out.append(c)
                }
            }
            return out
        }
    }

    /// The value `pointer` names, else nil.
    func resolve(_ pointer: String) -> FormatJSON? {
        var current = self
        for token in Self.tokens(of: pointer) {
            if let member = current[token] {
                current = member
            } else if let items = current.array, let index = Int(token), items.indices.contains(index) {
                current = items[index]
            } else {
                return nil
            }
        }
        return current
    }

    /// Objects nested along `pointer` with `leaf` at its end (`leaf` itself for the root pointer).
    static func nested(_ pointer: String, leaf: FormatJSON) -> FormatJSON {
        tokens(of: pointer).reversed().reduce(leaf) { inner, token in .object(keys: [token], values: [inner]) }
    }
}
