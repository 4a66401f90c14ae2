/// A LightGBM text model split into its header and tree blocks of `key=value` lines, with line numbers.
struct LightGBMText {
    /// One block of `key=value` lines: the header, or a `Tree=N` block.
    struct Section {
        /// `header` or `Tree=N`.
        var name: String
        /// Line of the block's first line.
        var line: Int
        var values: [Substring: (text: Substring, line: Int)] = [:]
        /// Lines without `=` (the header's `tree`, `average_output`).
        var flags: Set<Substring> = []
    }

    var header: Section
    var trees: [Section]
    let source: String

    /// Splits the text into sections; everything from `end of trees` on (importances, parameters) is ignored.
    init(bytes: [UInt8], source: String) throws {
        self.source = source
        let text = String(decoding: bytes, as: UTF8.self)
        var header = Section(name: "header", line: 1)
        var trees: [Section] = []
        var lineNumber = 0
        var sawEnd = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            if line == "end of trees" {
                sawEnd = true
                break
            }
            if line.hasPrefix("Tree=") {
                trees.append(Section(name: String(line), line: lineNumber))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                if trees.isEmpty {
                    header.flags.insert(line)
                    continue
                }
                throw ModelLoadError(.malformed, file: source, field: trees[trees.count - 1].name,
                                     line: lineNumber, message: "expected key=value, got \"\(line.prefix(40))\"")
            }
            let key = line[..<equals]
            let value = line[line.index(after: equals)...]
            if trees.isEmpty {
                header.values[key] = (value, lineNumber)
            } else {
                trees[trees.count - 1].values[key] = (value, lineNumber)
            }
        }
        guard header.flags.contains("tree") else {
            throw ModelLoadError(.malformed, file: source, field: "header", line: 1,
                                 message: "not a LightGBM text model (no \"tree\" line)")
        }
        guard sawEnd else {
            throw ModelLoadError(.malformed, file: source, field: "end of trees", line: lineNumber,
                                 message: "file ends before \"end of trees\" (truncated?)")
        }
        self.header = header
        self.trees = trees
    }

    /// An error about `key` of `section`, placed at the key's line (or the section's when the key is absent).
    func error(_ code: ModelLoadError.Code, _ section: Section, _ key: String, _ message: String) -> ModelLoadError {
        let field = section.name == "header" ? key : "\(section.name) \(key)"
        return ModelLoadError(code, file: source, field: field, line: section.values[Substring(key)]?.line ?? section.line,
                              message: message)
    }

    /// The raw text of a required key.
    func string(_ section: Section, _ key: String) throws -> Substring {
        guard let entry = section.values[Substring(key)] else {
            throw error(.missingField, section, key, "required field is missing")
        }
        return entry.text
    }

    /// A required integer key.
    func int(_ section: Section, _ key: String) throws -> Int {
        let text = try string(section, key)
        guard let value = Int(text) else { throw error(.malformed, section, key, "expected an integer, got \"\(text)\"") }
        return value
    }

    /// A required space-separated list of exactly `count` values.
    func list<T>(_ section: Section, _ key: String, count: Int, _ parse: (Substring) -> T?) throws -> [T] {
        let text = try string(section, key)
        var values: [T] = []
        values.reserveCapacity(count)
        for (i, item) in text.split(separator: " ").enumerated() {
            guard let value = parse(item) else {
                throw error(.malformed, section, key, "item \(i) \"\(item.prefix(30))\" is not a valid number")
            }
            values.append(value)
        }
        guard values.count == count else {
            throw error(.invalidValue, section, key, "expected \(count) values, got \(values.count)")
        }
        return values
    }
}
