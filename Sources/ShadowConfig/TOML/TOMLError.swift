/// A TOML syntax or structure error at a line and column.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending text.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the offending text.
    public var column: Int
    /// What is wrong, e.g. `expected "=" after key "name"`.
    public var message: String

    /// Creates an error at a position.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
