/// A configuration problem: the file, the line, the key path and what is wrong.
///
/// `description` reads `shadowd.toml:12: models[1].kind: unknown value "xgb" (expected one of: …)`;
/// syntax errors carry a column instead of a key path: `shadowd.toml:3:9: expected "=" after key "name", …`.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The config file as it was named to the loader.
    public var file: String
    /// 1-based line of the offending key or value; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, for TOML syntax errors only.
    public var column: Int?
    /// The full key path, e.g. `store.batch_rows` or `models[2].timeout_ms`; empty for syntax and file errors.
    public var keyPath: String
    /// What is wrong, and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int? = nil, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line: key.path: message` (see the type's comment for the other shapes).
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if !keyPath.isEmpty { text += ": \(keyPath)" }
        return text + ": " + message
    }
}
