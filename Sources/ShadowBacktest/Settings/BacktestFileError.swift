/// A mistake in a strategies file: file, line, key path and what is wrong.
public struct BacktestFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a value was refused, before the file and line are known.
    public struct Reason: Error, Sendable, Equatable {
        /// The sentence.
        public var message: String
        /// Wraps a sentence.
        public init(_ message: String) { self.message = message }
    }

    public var file: String
    public var line: Int
    /// `strategy[2].alert`.
    public var keyPath: String
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// `strategies.toml:12: strategy[1].alert: …`.
    public var description: String {
        "\(file):\(line): " + (keyPath.isEmpty ? "" : "\(keyPath): ") + message
    }
}
