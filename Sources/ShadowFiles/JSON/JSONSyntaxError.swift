/// Why a line is not valid JSON, and where (a byte offset in the line).
struct JSONSyntaxError: Sendable, Equatable {
    /// The kinds of syntax error, each with a fixed message.
    enum Kind: Sendable, Equatable {
        case unexpectedEnd, unexpectedCharacter, trailingCharacters, trailingComma
        case expectedKey, expectedColon, expectedCommaOrBrace, expectedCommaOrBracket
        case invalidNumber, leadingZero, invalidLiteral
        case controlCharacter, invalidEscape, loneSurrogate, unterminatedString, tooDeep, invalidUTF8
    }

    var kind: Kind
    var offset: Int

    /// A sentence for the reject reason.
    var message: String {
        let what: String
        switch kind {
        case .unexpectedEnd: what = "unexpected end of line"
        case .unexpectedCharacter: what = "unexpected character"
        case .trailingCharacters: what = "characters after the top-level value"
        case .trailingComma: what = "trailing comma"
        case .expectedKey: what = "expected a string key"
        case .expectedColon: what = "expected ':' after an object key"
        case .expectedCommaOrBrace: what = "expected ',' or '}'"
        case .expectedCommaOrBracket: what = "expected ',' or ']'"
        case .invalidNumber: what = "invalid number"
        case .leadingZero: what = "number with a leading zero"
        case .invalidLiteral: what = "invalid literal"
        case .controlCharacter: what = "unescaped control character in string"
        case .invalidEscape: what = "invalid escape sequence"
        case .loneSurrogate: what = "unpaired UTF-16 surrogate escape"
        case .unterminatedString: what = "unterminated string"
        case .tooDeep: what = "nesting deeper than \(JSONTape.maxDepth)"
        case .invalidUTF8: what = "invalid UTF-8"
        }
        return "malformed JSON at column \(offset + 1): \(what)"
    }
}
