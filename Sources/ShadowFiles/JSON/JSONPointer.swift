/// An RFC 6901 JSON pointer, compiled once and resolved against each line's tape.
struct JSONPointer: Sendable, Equatable {
    /// One reference token: an object key, which is also an array index when it is a plain decimal.
    struct Token: Sendable, Equatable {
        var key: [UInt8]
        var index: Int?
    }

    /// The pointer as written (for messages).
    let text: String
    let tokens: [Token]
    /// Which of a decoder's root keys the first token is (`RootKeys`); -1 when not assigned.
    var rootSlot = -1

    /// Pointers are equal when they are written alike (the tokens follow from the text).
    static func == (a: JSONPointer, b: JSONPointer) -> Bool { a.text == b.text }

    /// Parses `text`; nil when it is not a pointer (must be empty or start with `/`; `~` only as `~0`/`~1`).
    init?(_ text: String) {
        self.text = text
        if text.isEmpty {
            tokens = []
            return
        }
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        var tokens: [Token] = []
        for part in bytes.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            var key: [UInt8] = []
            var i = part.startIndex
            while i < part.endIndex {
                if part[i] == UInt8(ascii: "~") {
                    guard i + 1 < part.endIndex else { return nil }
                    switch part[i + 1] {
                    case UInt8(ascii: "0"): key.append(UInt8(ascii: "~"))
                    case UInt8(ascii: "1"): key.append(UInt8(ascii: "/"))
                    default: return nil
                    }
                    i += 2
                } else {
                    key.append(part[i])
                    i += 1
                }
            }
            tokens.append(Token(key: key, index: Self.arrayIndex(key)))
        }
        self.tokens = tokens
    }

    /// A pointer to member `key` of the object this pointer names.
    func appending(_ key: [UInt8]) -> JSONPointer {
        JSONPointer(text + "/" + Self.escape(key))!
    }

    /// The single column name this pointer names in a CSV file (`/id` → `id`), or nil for deeper pointers.
    var columnName: String? {
        tokens.count == 1 ? String(decoding: tokens[0].key, as: UTF8.self) : nil
    }

    /// `resolve(in:line:)` with the first step already taken: `members[rootSlot]` is the tape index of the root member
    /// the first token names, or -1 when the line has none (see `RootKeys.find`).
    @inline(__always)
    func resolve(in tape: borrowing JSONTape, line: UnsafePointer<UInt8>, members: UnsafeMutableBufferPointer<Int32>)
        -> Int? {
        guard !tokens.isEmpty else { return 0 }
        let first = Int(members[rootSlot])
        guard first >= 0 else { return nil }
        return tokens.count == 1 ? first : resolve(in: tape, line: line, from: first, skipping: 1)
    }

    /// The tape index of the value this pointer names in the line, or nil when it is absent; the walk starts at node
    /// `root` with token `skipping`.
    func resolve(in tape: borrowing JSONTape, line: UnsafePointer<UInt8>, from root: Int = 0, skipping: Int = 0)
        -> Int? {
        var current = root
        for token in tokens[skipping...] {
            let node = tape[current]
            switch node.kind {
            case .object:
                let found = token.key.withUnsafeBufferPointer { tape.member(of: current, named: $0, in: line) }
                guard let found else { return nil }
                current = found
            case .array:
                guard let index = token.index, let found = tape.element(of: current, at: index) else { return nil }
                current = found
            default:
                return nil
            }
        }
        return current
    }

    /// `key` with `~` and `/` escaped as a pointer token.
    static func escape(_ key: some Collection<UInt8>) -> String {
        var text = String(decoding: key, as: UTF8.self)
        if text.contains("~") || text.contains("/") {
            text = text.replacing("~", with: "~0").replacing("/", with: "~1")
        }
        return text
    }

    /// The array index a token spells (`0`, or digits without a leading zero), else nil.
    private static func arrayIndex(_ key: [UInt8]) -> Int? {
        guard !key.isEmpty, key.count <= 9, key.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        if key.count > 1 && key[0] == UInt8(ascii: "0") { return nil }
        return key.reduce(0) { $0 * 10 + Int($1 - 48) }
    }
}
