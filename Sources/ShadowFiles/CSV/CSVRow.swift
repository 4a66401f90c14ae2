/// One field of a CSV row: its content range in the line (quotes excluded).
struct CSVField {
    var start: Int
    var end: Int
    /// The field was quoted.
    var quoted: Bool
    /// The content holds doubled quotes (`""`) that stand for one.
    var escapedQuotes: Bool
}

/// RFC 4180 field splitting of one record (which may hold newlines inside quoted fields).
enum CSVRow {
    /// Splits `p[0..<n]` at `delimiter` into `fields`; returns a reason when the row is malformed.
    static func split(_ p: UnsafePointer<UInt8>, _ n: Int, delimiter: UInt8, into fields: inout [CSVField]) -> String? {
        fields.removeAll(keepingCapacity: true)
        var i = 0
        while true {
            if i < n && p[i] == UInt8(ascii: "\"") {
                var j = i + 1
                var escaped = false
                while true {
                    guard j < n else { return "field \(fields.count + 1): unterminated quoted field" }
                    if p[j] == UInt8(ascii: "\"") {
                        if j + 1 < n && p[j + 1] == UInt8(ascii: "\"") {
                            escaped = true
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                fields.append(CSVField(start: i + 1, end: j, quoted: true, escapedQuotes: escaped))
                j += 1
                if j == n { return nil }
                guard p[j] == delimiter else { return "field \(fields.count): characters after the closing quote" }
                i = j + 1
            } else {
                var j = i
                while j < n && p[j] != delimiter {
                    if p[j] == UInt8(ascii: "\"") { return "field \(fields.count + 1): quote inside an unquoted field" }
                    j += 1
                }
                fields.append(CSVField(start: i, end: j, quoted: false, escapedQuotes: false))
                if j == n { return nil }
                i = j + 1
            }
        }
    }

    /// The content of `field` with doubled quotes collapsed.
    static func content(_ field: CSVField, in p: UnsafePointer<UInt8>) -> [UInt8] {
        let raw = UnsafeBufferPointer(start: p + field.start, count: field.end - field.start)
        guard field.escapedQuotes else { return Array(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            i += raw[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return out
    }

    /// The content of `field` as a String.
    static func string(_ field: CSVField, in p: UnsafePointer<UInt8>) -> String {
        if !field.escapedQuotes {
            return String(decoding: UnsafeBufferPointer(start: p + field.start, count: field.end - field.start),
                          as: UTF8.self)
        }
        return String(decoding: content(field, in: p), as: UTF8.self)
    }
}
