/// Renders dotted keys the way a person would write them, quoting parts that are not bare keys.
enum TOMLKeyPath {
    /// `a.b."c d"` for the given parts.
    static func display(_ parts: some Collection<TOMLKeyPart>) -> String {
        display(names: parts.map(\.name))
    }

    /// `a.b."c d"` for the given key names.
    static func display(names: [String]) -> String {
        names.map(quoted).joined(separator: ".")
    }

    /// The key as written in TOML: bare when it can be, else a basic string.
    static func quoted(_ key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy(isBareKeyByte) { return key }
        return basicString(key)
    }

    /// Any text as a TOML basic string, in double quotes with escapes.
    static func basicString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether a byte may appear in a bare key: `A-Z a-z 0-9 _ -`.
    static func isBareKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
    }
}
