/// Checks the syntax of RFC 6901 JSON pointers written in the config.
enum JSONPointerSyntax {
    /// Nil when `pointer` is valid: empty, or `/`-separated tokens where `~` is always `~0` or `~1`.
    static func problem(in pointer: String) -> String? {
        if pointer.isEmpty { return nil }
        guard pointer.hasPrefix("/") else {
            return "\(TOMLKeyPath.basicString(pointer)) is not a JSON pointer (it must be empty or start with "
                + "\"/\", e.g. \"/\(pointer)\")"
        }
        var bytes = pointer.utf8.makeIterator()
        while let b = bytes.next() {
            guard b == UInt8(ascii: "~") else { continue }
            let next = bytes.next()
            guard next == UInt8(ascii: "0") || next == UInt8(ascii: "1") else {
                return "\(TOMLKeyPath.basicString(pointer)) is not a valid JSON pointer (\"~\" must be followed by "
                    + "0 or 1: write ~0 for \"~\" and ~1 for \"/\")"
            }
        }
        return nil
    }
}
