/// Why a config file could not be rewritten: a bounded code and a message naming the file, line and key path.
public struct RewriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// The text is not valid TOML.
        case syntax
        /// No `[[models]]` entry has the name asked for.
        case unknownModel
        /// The entry's `role` is missing or not a one-line string that can be edited in place.
        case roleNotEditable
        /// The rewritten text did not read back as intended (nothing was written).
        case verifyFailed
        /// The file changed on disk while it was being rewritten (nothing was written).
        case changedConcurrently
        /// Reading, writing, syncing or renaming failed.
        case io
    }

    /// What kind of failure.
    public var code: Code
    /// The config file.
    public var file: String
    /// 1-based line, 0 when the problem concerns the whole file.
    public var line: Int
    /// The key path at fault (`models[1].role`), empty for whole-file problems.
    public var keyPath: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, file: String, line: Int = 0, keyPath: String = "", _ message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line: key.path: message`, like `ConfigError`.
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if !keyPath.isEmpty { text += ": \(keyPath)" }
        return text + ": " + message
    }
}
