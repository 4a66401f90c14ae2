/// Collects the problems found while one config file is read, so all of them can be reported.
final class ConfigDiagnostics {
    let file: String
    private(set) var errors: [ConfigError] = []

    init(file: String) {
        self.file = file
    }

    func report(line: Int, keyPath: String, _ message: String) {
        errors.append(ConfigError(file: file, line: line, keyPath: keyPath, message: message))
    }

    /// The problems in line order (problems of the whole file last), stable among equal lines.
    var sortedErrors: [ConfigError] {
        errors.enumerated()
            .sorted { a, b in
                let la = a.element.line == 0 ? Int.max : a.element.line
                let lb = b.element.line == 0 ? Int.max : b.element.line
                return (la, a.offset) < (lb, b.offset)
            }
            .map(\.element)
    }
}
