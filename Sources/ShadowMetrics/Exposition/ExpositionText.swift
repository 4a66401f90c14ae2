/// Writes metric families in the Prometheus text exposition format, version 0.0.4.
///
/// Each family is one group: `# HELP name text`, `# TYPE name kind`, then its samples
/// `name[suffix]{label="value",…} value`, every line ending in `\n`. Help text escapes `\` and newlines; label
/// values also escape `"`. Values are written as Go's `ParseFloat` reads them: integers without a fraction,
/// `NaN`, `+Inf`, `-Inf`.
public enum ExpositionText {
    /// The `Content-Type` of the format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The families as exposition text.
    public static func render(_ families: [MetricFamily]) -> String {
        var out = ""
        out.reserveCapacity(families.reduce(0) { $0 + 96 + $1.samples.count * 64 })
        for family in families {
            out += "# HELP \(family.name) \(escape(family.help, quotes: false))\n"
            out += "# TYPE \(family.name) \(family.kind.rawValue)\n"
            for sample in family.samples {
                out += family.name
                out += sample.suffix
                if !sample.labels.isEmpty {
                    out += "{"
                    for (index, label) in sample.labels.enumerated() {
                        if index > 0 { out += "," }
                        out += label.name
                        out += "=\""
                        out += escape(label.value, quotes: true)
                        out += "\""
                    }
                    out += "}"
                }
                out += " "
                out += number(sample.value)
                out += "\n"
            }
        }
        return out
    }

    /// A value as the format writes it: `12000`, `0.0025`, `1e-06`, `NaN`, `+Inf`, `-Inf`.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 9.007_199_254_740_992e15 {
            return value == 0 ? "0" : String(Int64(value))
        }
        return "\(value)"
    }

    /// Escapes `\` and newline (and `"` inside label values).
    static func escape(_ text: String, quotes: Bool) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || (quotes && $0 == 0x22) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\"" where quotes: out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
