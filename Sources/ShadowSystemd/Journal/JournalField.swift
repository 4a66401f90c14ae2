/// One `NAME=value` pair of a journal entry.
public struct JournalField: Sendable, Equatable {
    /// The field name: upper-case ASCII letters, digits and `_`, not starting with `_` or a digit.
    public var name: String
    /// The value; may hold any bytes, including line breaks.
    public var value: String

    /// Creates a field; the name must already be valid (see `JournalField.metadataName(for:)`).
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// The longest field name journald accepts.
    public static let maximumNameLength = 64

    /// The journal field for a metadata key: `SHADOWD_` + the key upper-cased with every character other
    /// than an ASCII letter or digit replaced by `_`, cut to 64 characters.
    public static func metadataName(for key: String) -> String {
        var name = "SHADOWD_"
        name.reserveCapacity(8 + key.utf8.count)
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): name.unicodeScalars.append(Unicode.Scalar(byte - 0x20))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x80...0xBF: continue  // UTF-8 continuation byte: one `_` per non-ASCII character
            default: name.unicodeScalars.append("_")
            }
        }
        return name.utf8.count <= maximumNameLength ? name : String(name.prefix(maximumNameLength))
    }

    /// The 32 lower-case hex digits of a 128-bit id given as 32 hex digits or a dashed UUID, else `nil`.
    public static func messageID(from text: String) -> String? {
        var digits = ""
        digits.reserveCapacity(32)
        let dashed = text.utf8.count == 36
        for (index, byte) in text.utf8.enumerated() {
            if dashed && [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"):
                digits.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                digits.unicodeScalars.append(Unicode.Scalar(byte + 0x20))
            default:
                return nil
            }
        }
        return digits.utf8.count == 32 ? digits : nil
    }
}
