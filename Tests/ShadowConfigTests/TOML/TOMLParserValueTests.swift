import Testing
@testable import ShadowConfig

/// Each TOML value type, read through the public parser.
@Suite struct TOMLParserValueTests {
    private func value(_ toml: String) throws -> TOMLValue.Storage {
        try #require(TOMLParser.parse("v = " + toml)["v"]).storage
    }

    @Test("basic strings decode every escape, including \\u and \\U")
    func basicStringEscapes() throws {
        #expect(try value(#""tab\there \"q\" back\\slash \b\f\r\n""#) == .string("tab\there \"q\" back\\slash \u{8}\u{C}\r\n"))
        #expect(try value(#""caf\u00E9 \U0001F600""#) == .string("café 😀"))
        #expect(try value(#""naïve — ok""#) == .string("naïve — ok"))
    }

    @Test("literal strings keep backslashes")
    func literalStrings() throws {
        #expect(try value(#"'C:\Users\nodejs\templates'"#) == .string(#"C:\Users\nodejs\templates"#))
        #expect(try value("''") == .string(""))
    }

    @Test("multi-line basic strings trim the first newline and line-ending backslashes")
    func multiLineBasic() throws {
        #expect(try value("\"\"\"\nRoses\nViolets\"\"\"") == .string("Roses\nViolets"))
        #expect(try value("\"\"\"\nThe quick \\\n\n   brown \\   \n  fox.\"\"\"") == .string("The quick brown fox."))
        #expect(try value(#""""Here are two quotes: "". Ends with one."""""#) == .string(#"Here are two quotes: "". Ends with one.""#))
        #expect(try value("\"\"\"a\r\nb\"\"\"") == .string("a\nb"))
    }

    @Test("multi-line literal strings keep everything but the first newline")
    func multiLineLiteral() throws {
        #expect(try value("'''\nfirst\\n\n  second'''") == .string("first\\n\n  second"))
        #expect(try value("'''It's ''quoted'''''") == .string("It's ''quoted''"))
    }

    @Test("integers: signs, underscores, hex, octal, binary and the 64-bit limits")
    func integers() throws {
        let cases: [(String, Int64)] = [
            ("+99", 99), ("-17", -17), ("0", 0), ("-0", 0), ("1_000_000", 1_000_000), ("0xDEAD_beef", 0xDEADBEEF),
            ("0o755", 0o755), ("0b1101_0110", 0b1101_0110), ("9223372036854775807", .max),
            ("-9223372036854775808", .min),
        ]
        for (text, expected) in cases { #expect(try value(text) == .integer(expected), "\(text)") }
    }

    @Test("floats: fractions, exponents, underscores, inf and nan")
    func floats() throws {
        let cases: [(String, Double)] = [
            ("+1.0", 1), ("3.1415", 3.1415), ("-0.01", -0.01), ("5e+22", 5e22), ("1e06", 1e6), ("-2E-2", -0.02),
            ("6.626e-34", 6.626e-34), ("224_617.445_991_228", 224_617.445_991_228), ("inf", .infinity),
            ("+inf", .infinity), ("-inf", -.infinity),
        ]
        for (text, expected) in cases { #expect(try value(text) == .float(expected), "\(text)") }
        for text in ["nan", "+nan", "-nan"] {
            #expect(try #require(TOMLParser.parse("v = " + text)["v"]?.double).isNaN)
        }
    }

    @Test("booleans")
    func booleans() throws {
        #expect(try value("true") == .boolean(true))
        #expect(try value("false") == .boolean(false))
    }

    @Test("date-times are validated and kept as written")
    func dateTimes() throws {
        for text in ["1979-05-27T07:32:00Z", "1979-05-27T00:32:00.999999-07:00", "1979-05-27 07:32:00Z",
                     "1979-05-27t07:32:00z", "1979-05-27T07:32:00", "1979-05-27", "07:32:00", "00:32:00.5",
                     "2024-02-29"] {
            #expect(try value(text) == .dateTime(text), "\(text)")
        }
    }

    @Test("arrays span lines, hold comments, mix types and allow a trailing comma")
    func arrays() throws {
        let doc = try TOMLParser.parse("""
        a = [
          1,   # one
          "two",
          [3.0, [true]],  # nested
          { x = 1 },
        ]
        empty = [ ]
        """)
        let a = try #require(doc["a"]?.array)
        #expect(a.count == 4)
        #expect(a[0].storage == .integer(1))
        #expect(a[1].storage == .string("two"))
        #expect(a[2].array?[1].array?[0].storage == .boolean(true))
        #expect(a[3].table?["x"]?.storage == .integer(1))
        #expect(a.map(\.line) == [2, 3, 4, 5])
        #expect(doc["empty"]?.array == [])
    }

    @Test("inline tables nest and accept dotted keys")
    func inlineTables() throws {
        let doc = try TOMLParser.parse(#"point = { x = 1, y.z = "deep", "quoted key" = {} }"#)
        let point = try #require(doc["point"]?.table)
        #expect(point.keys == ["x", "y", "quoted key"])
        #expect(point["y"]?.table?["z"]?.storage == .string("deep"))
        #expect(point["quoted key"]?.table == TOMLTable())
    }

    @Test("keys and values remember their line and column")
    func positions() throws {
        let doc = try TOMLParser.parse("# comment\n\n[server]\n  port =  8080\n\tname = \"é\" # x\n")
        let server = try #require(doc["server"]?.table)
        #expect(doc[entry: "server"]?.line == 3)
        #expect(server[entry: "port"].map { [$0.line, $0.column, $0.value.line, $0.value.column] } == [4, 3, 4, 11])
        #expect(server[entry: "name"].map { [$0.line, $0.column, $0.value.column] } == [5, 2, 9])
    }
}
