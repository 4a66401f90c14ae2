import Testing
@testable import ShadowConfig

/// Invalid documents, each with the exact line, column and message of its error.
@Suite struct TOMLParserErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let toml: String
        let expected: String
        var testDescription: String { expected }
    }

    static let cases: [Case] = [
        Case(toml: "a = 1\nb \"x\"", expected: #"2:3: expected "=" after key "b", found '"'"#),
        Case(toml: "a.b c = 1", expected: #"1:5: expected "=" after key "a.b", found "c""#),
        Case(toml: "= 1", expected: #"1:1: expected a key, found "=""#),
        Case(toml: "a =\n", expected: "1:4: expected a value, found end of line"),
        Case(toml: "a = ", expected: "1:5: expected a value, found end of file"),
        Case(toml: "a = 1 2", expected: #"1:7: expected end of line after value, found "2""#),
        Case(toml: "[a] b = 1", expected: #"1:5: expected end of line after table header, found "b""#),
        Case(toml: "[a\nb = 1", expected: #"1:3: expected "]" to close the table header, found end of line"#),
        Case(toml: "[[a]\n", expected: #"1:5: expected "]]" to close the array of tables header, found end of line"#),
        Case(toml: "s = \"abc\nd = 1", expected: #"1:5: unterminated string (use """ for a string that spans lines)"#),
        Case(toml: "s = 'abc", expected: "1:5: unterminated literal string (use ''' for a string that spans lines)"),
        Case(toml: "\n\ns = \"\"\"abc\n\n", expected: "3:5: unterminated multi-line string"),
        Case(toml: #"s = "a\x""#, expected: #"1:7: invalid escape sequence "\x""#),
        Case(toml: #"s = "\uD800""#, expected: #"1:6: \uD800 is not a Unicode scalar value"#),
        Case(toml: #"s = "\u12""#, expected: #"1:6: \u needs 4 hex digits"#),
        Case(toml: "s = \"a\u{1}b\"", expected: "1:7: control character U+0001 must be escaped in a string"),
        Case(toml: "s = \"\"\"a\"\"\"\"\"\"", expected: "1:9: too many quotes in a row: at most two may precede the closing three"),
        Case(toml: "# bad \u{7F}\n", expected: "1:7: control character U+007F is not allowed in a comment"),
        Case(toml: "a = 1\r\rb = 2", expected: "1:6: a carriage return must be followed by a line feed"),
        Case(toml: "n = 012", expected: #"1:5: leading zeros are not allowed in "012""#),
        Case(toml: "n = 1__000", expected: #"1:5: invalid number "1__000""#),
        Case(toml: "n = 1_", expected: #"1:5: invalid number "1_""#),
        Case(toml: "n = 0x", expected: #"1:5: invalid number "0x""#),
        Case(toml: "n = -0x10", expected: "1:5: a sign is not allowed on a hexadecimal, octal or binary integer"),
        Case(toml: "n = 0o8", expected: #"1:5: invalid number "0o8""#),
        Case(toml: "n = 9223372036854775808", expected: "1:5: integer 9223372036854775808 does not fit in 64 bits"),
        Case(toml: "n = 0x8000000000000000", expected: "1:5: integer 0x8000000000000000 does not fit in 64 bits"),
        Case(toml: "f = 1.", expected: #"1:5: invalid float "1.""#),
        Case(toml: "f = 1.e5", expected: #"1:5: invalid float "1.e5""#),
        Case(toml: "f = 1e", expected: #"1:5: invalid float "1e""#),
        Case(toml: "f = 03.14", expected: #"1:5: leading zeros are not allowed in "03.14""#),
        Case(toml: "v = yes", expected: #"1:5: invalid value "yes" (strings must be quoted)"#),
        Case(toml: "v = True", expected: #"1:5: invalid value "True" (strings must be quoted)"#),
        Case(toml: "d = 1979-02-30", expected: #"1:5: invalid date-time "1979-02-30""#),
        Case(toml: "d = 1979-05-27T25:00:00Z", expected: #"1:5: invalid date-time "1979-05-27T25:00:00Z""#),
        Case(toml: "a = [1 2]", expected: #"1:8: expected "," or "]" in array, found "2""#),
        Case(toml: "a = [,]", expected: #"1:6: expected a value, found ",""#),
        Case(toml: "a = [1,\n2", expected: #"2:2: expected "," or "]" in array, found end of file"#),
        Case(toml: "t = { a = 1,\n b = 2 }", expected: "1:13: newlines are not allowed inside an inline table"),
        Case(toml: "t = { a = 1, }", expected: "1:14: a trailing comma is not allowed in an inline table"),
        Case(toml: "t = { a = 1 b = 2 }", expected: #"1:13: expected "," or "}" in inline table, found "b""#),
        Case(toml: "t = { a = 1, a = 2 }", expected: #"1:14: duplicate key "a" (first defined at line 1)"#),
        Case(toml: "a = 1\nb = 2\na = 3", expected: #"3:1: duplicate key "a" (first defined at line 1)"#),
        Case(toml: "a.b = 1\na.b = 2", expected: #"2:3: duplicate key "a.b" (first defined at line 1)"#),
        Case(toml: "a = 1\na.b = 2", expected: #"2:1: cannot use "a" as a table: it already holds an integer (line 1)"#),
        Case(toml: "[a]\nx = 1\n[b]\n[a]", expected: "4:2: table [a] is already defined at line 1"),
        Case(toml: "a.b = 1\n[a]", expected: "2:2: table [a] was already created by dotted keys at line 1"),
        Case(toml: "a = 1\n[a]", expected: "2:2: cannot define table [a]: the key already holds an integer (line 1)"),
        Case(toml: "a = 1\n[a.b]", expected: #"2:2: cannot define [a.b]: "a" already holds an integer (line 1)"#),
        Case(toml: "[[a]]\n[a]", expected: "2:2: cannot define table [a]: it is an array of tables (line 1)"),
        Case(toml: "[a]\n[[a]]", expected: "2:3: cannot define array of tables [[a]]: it is already a table (line 1)"),
        Case(toml: "a = []\n[[a]]", expected: "2:3: cannot append to [[a]]: it is a static array (line 1)"),
        Case(toml: "a = {b = 1}\n[a.c]", expected: #"2:2: cannot define [a.c]: "a" already holds a table (line 1)"#),
        Case(toml: "a = {b = 1}\na.c = 2", expected: #"2:1: cannot use "a" as a table: it already holds a table (line 1)"#),
        Case(toml: "[a.b.c]\nz = 9\n[a]\nb.c.t = 1", expected: "4:1: cannot add to table [a.b] with dotted keys: it comes from a table header (line 1)"),
        Case(toml: "[a]\n[a.b]\n[a.b]", expected: "3:4: table [a.b] is already defined at line 2"),
        Case(toml: "k = \"\"\"x\"\"\"\n\"\"\"k\"\"\" = 1", expected: "2:1: multi-line strings cannot be keys"),
        Case(toml: "a = " + String(repeating: "[", count: 200), expected: "1:133: arrays and inline tables nested more than 128 deep"),
        Case(toml: "é = 1", expected: #"1:1: expected a key, found "é""#),
        Case(toml: "k = \"é\" x", expected: #"1:9: expected end of line after value, found "x""#),
    ]

    @Test("syntax and structure errors name line, column and what is wrong", arguments: cases)
    func error(_ c: Case) throws {
        let error = try #require(throws: TOMLError.self) { try TOMLParser.parse(c.toml) }
        #expect(error.description == c.expected)
    }
}
