import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Formats one log event as a single text line: `time level message key=value…`.
public enum LogLine {
    /// The line for an event at the given wall-clock time (seconds and nanoseconds since 1970, UTC), with a newline.
    ///
    /// Metadata is sorted by key. Values that are empty or hold spaces, quotes, `=` or control characters are
    /// quoted with `\"`, `\\`, `\n`, `\r` and `\t` escapes; line breaks in the message are escaped the same way.
    public static func format(
        level: Logger.Level, message: String, metadata: Logger.Metadata, seconds: Int, nanoseconds: Int
    ) -> String {
        var line = timestamp(seconds: seconds, nanoseconds: nanoseconds)
        line += " "
        line += level.rawValue
        line += " "
        line += escaped(message)
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += " "
            line += key
            line += "="
            line += quotedIfNeeded(JournalEntry.flatten(value))
        }
        line += "\n"
        return line
    }

    /// The current wall-clock time as seconds and nanoseconds since 1970.
    public static func now() -> (seconds: Int, nanoseconds: Int) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return (Int(now.tv_sec), Int(now.tv_nsec))
    }

    /// RFC 3339 UTC with milliseconds, e.g. `2025-01-31T23:59:59.123Z`.
    static func timestamp(seconds: Int, nanoseconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2)
            + "T" + pad(parts.tm_hour, 2) + ":" + pad(parts.tm_min, 2) + ":" + pad(parts.tm_sec, 2)
            + "." + pad(Int32(nanoseconds / 1_000_000), 3) + "Z"
    }

    /// The value as is when it needs no quotes, else in double quotes with escapes.
    static func quotedIfNeeded(_ value: String) -> String {
        let plain = !value.isEmpty && value.utf8.allSatisfy { byte in
            byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "=")
        }
        return plain ? value : "\"" + escaped(value, quote: true) + "\""
    }

    /// The text with control characters (and, inside quotes, `"` and `\`) escaped.
    static func escaped(_ text: String, quote: Bool = false) -> String {
        let needs = text.utf8.contains { byte in
            byte < 0x20 || byte == 0x7F || (quote && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")))
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"" where quote: out += "\\\""
            case "\\" where quote: out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
