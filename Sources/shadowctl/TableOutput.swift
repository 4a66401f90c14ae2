import Foundation
import ShadowSQLite

/// Query rows as an aligned table (fitted to the terminal), JSON (an array of objects) or CSV (RFC 4180).
enum TableOutput {
    /// A cell as text: NULL is empty, numbers in their shortest exact form.
    static func text(_ v: SQLiteValue) -> String {
        switch v {
        case .null: return ""
        case .integer(let i): return String(i)
        case .double(let d): return d.isFinite ? "\(d)" : ""
        case .text(let s): return s
        case .blob(let b): return "<\(b.count) bytes>"
        }
    }

    static func json(columns: [String], rows: [[SQLiteValue]]) -> String {
        var out = "["
        for (r, row) in rows.enumerated() {
            out += r == 0 ? "\n  {" : ",\n  {"
            for (c, value) in row.enumerated() {
                out += (c == 0 ? "" : ", ") + quote(columns[c]) + ": "
                switch value {
                case .null: out += "null"
                case .integer(let i): out += String(i)
                case .double(let d): out += d.isFinite ? "\(d)" : "null"
                case .text(let s): out += quote(s)
                case .blob: out += quote(text(value))
                }
            }
            out += "}"
        }
        return out + (rows.isEmpty ? "]\n" : "\n]\n")
    }

    static func csv(columns: [String], rows: [[SQLiteValue]]) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = columns.map(field).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map { field(text($0)) }.joined(separator: ",") + "\r\n" }
        return out
    }

    /// Columns padded to their widest cell; when the total exceeds `width`, the widest columns are cut (with …).
    static func table(columns: [String], rows: [[SQLiteValue]], width: Int?) -> String {
        let cells = rows.map { $0.map { text($0).replacingOccurrences(of: "\n", with: " ") } }
        var widths = columns.indices.map { c in max(columns[c].count, cells.map { $0[c].count }.max() ?? 0) }
        if let width {
            let budget = width - 2 * (columns.count - 1)
            while widths.reduce(0, +) > budget, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > 4 {
                widths[widest] -= 1
            }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { c, v in
                let cut = v.count > widths[c] ? String(v.prefix(widths[c] - 1)) + "…" : v
                return c == values.count - 1 ? cut : cut.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var out = line(columns) + "\n"
        for row in cells { out += line(row) + "\n" }
        if rows.isEmpty { out += "(no rows)\n" }
        return out
    }

    /// The terminal's width when stdout is one (COLUMNS wins), nil otherwise (no cutting for pipes).
    static func terminalWidth() -> Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(columns), n > 20 { return n }
        guard isatty(1) != 0 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return 100 }
        return Int(size.ws_col)
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
