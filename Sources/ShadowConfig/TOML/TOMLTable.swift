/// A TOML table: keys in document order, each with its own position.
public struct TOMLTable: Sendable, Equatable {
    /// One key of a table and its value.
    public struct Entry: Sendable, Equatable {
        /// The key, unquoted.
        public var key: String
        /// 1-based line of the key (for a table made by a header: the header's line).
        public var line: Int
        /// 1-based column of the key.
        public var column: Int
        /// What the key holds.
        public var value: TOMLValue

        /// Creates an entry.
        public init(key: String, line: Int, column: Int, value: TOMLValue) {
            self.key = key
            self.line = line
            self.column = column
            self.value = value
        }
    }

    /// The entries in the order their keys first appeared.
    public private(set) var entries: [Entry]
    private var index: [String: Int]

    /// Creates a table from entries; a later entry with the same key replaces the earlier one.
    public init(entries: [Entry] = []) {
        self.entries = []
        self.index = [:]
        for entry in entries { self[entry: entry.key] = entry }
    }

    /// The entry for `key`, if the table has it.
    public subscript(entry key: String) -> Entry? {
        get { index[key].map { entries[$0] } }
        set {
            if let slot = index[key] {
                if let newValue { entries[slot] = newValue } else { remove(at: slot) }
            } else if let newValue {
                index[key] = entries.count
                entries.append(newValue)
            }
        }
    }

    /// The value for `key`, if the table has it.
    public subscript(key: String) -> TOMLValue? { index[key].map { entries[$0].value } }

    /// The keys in document order.
    public var keys: [String] { entries.map(\.key) }

    /// Number of keys.
    public var count: Int { entries.count }

    private mutating func remove(at slot: Int) {
        entries.remove(at: slot)
        index = [:]
        for (i, entry) in entries.enumerated() { index[entry.key] = i }
    }

    /// Tables are equal when they hold the same entries in the same order.
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool { lhs.entries == rhs.entries }
}
