extension LinearRule {
    /// Why a rule's text was refused.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// A sentence naming the character position and what was expected.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// Parses `text`, e.g. `x0 + x1 > 7`, `2*x0 - 0.5*x1 + 1`, `x2 <= 3.5`.
    public static func parse(_ text: String) throws(ParseError) -> LinearRule {
        var scanner = RuleScanner(Array(text.utf8))
        var weights: [String: Double] = [:]
        var order: [String] = []
        var constant = 0.0
        func add(_ side: [(String?, Double)], sign: Double) {
            for (name, weight) in side {
                guard let name else { constant += sign * weight; continue }
                if weights[name] == nil { order.append(name) }
                weights[name, default: 0] += sign * weight
            }
        }
        let left = try scanner.expression()
        add(left, sign: 1)
        var comparison: Comparison?
        if let op = scanner.comparison() {
            comparison = op
            add(try scanner.expression(), sign: -1)
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { throw scanner.failure("unexpected text") }
        guard !order.isEmpty else { throw ParseError(message: "the rule names no feature") }
        return LinearRule(coefficients: order.map { ($0, weights[$0]!) }, constant: constant, comparison: comparison)
    }
}

/// A tiny scanner over the rule's bytes.
struct RuleScanner {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { i >= bytes.count }

    func failure(_ what: String) -> LinearRule.ParseError {
        LinearRule.ParseError(message: "\(what) at character \(i + 1)")
    }

    mutating func skipSpaces() { while i < bytes.count && (bytes[i] == 32 || bytes[i] == 9) { i += 1 } }

    /// `[+-] term ((+|-) term)*` as (name or nil for a constant, signed weight) pairs.
    mutating func expression() throws(LinearRule.ParseError) -> [(String?, Double)] {
        var out: [(String?, Double)] = []
        skipSpaces()
        var sign = 1.0
        if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
            sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
        }
        while true {
            var term = try self.term()
            term.1 *= sign
            out.append(term)
            skipSpaces()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else { return out }
            sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
        }
    }

    /// `number`, `name`, `number * name` or `name * number`.
    mutating func term() throws(LinearRule.ParseError) -> (String?, Double) {
        skipSpaces()
        if let number = number() {
            skipSpaces()
            guard star() else { return (nil, number) }
            skipSpaces()
            guard let name = name() else { throw failure("expected a feature name after '*'") }
            return (name, number)
        }
        guard let name = name() else { throw failure("expected a number or a feature name") }
        skipSpaces()
        guard star() else { return (name, 1) }
        skipSpaces()
        guard let number = number() else { throw failure("expected a number after '*'") }
        return (name, number)
    }

    mutating func star() -> Bool {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "*") else { return false }
        i += 1
        return true
    }

    mutating func number() -> Double? {
        let start = i
        while i < bytes.count, (48...57).contains(bytes[i]) || bytes[i] == UInt8(ascii: ".")
            || ((bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) && i > start)
            || ((bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) && i > start
                && (bytes[i - 1] == UInt8(ascii: "e") || bytes[i - 1] == UInt8(ascii: "E"))) {
            i += 1
        }
        guard i > start, let value = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
            i = start
            return nil
        }
        return value
    }

    mutating func name() -> String? {
        let start = i
        func isStart(_ b: UInt8) -> Bool { (65...90).contains(b) || (97...122).contains(b) || b == UInt8(ascii: "_") }
        guard i < bytes.count, isStart(bytes[i]) else { return nil }
        while i < bytes.count, isStart(bytes[i]) || (48...57).contains(bytes[i]) || bytes[i] == UInt8(ascii: ".") {
            i += 1
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    /// `>`, `>=`, `<` or `<=`.
    mutating func comparison() -> LinearRule.Comparison? {
        skipSpaces()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ">") || bytes[i] == UInt8(ascii: "<") else { return nil }
        let greater = bytes[i] == UInt8(ascii: ">")
        i += 1
        let orEqual = i < bytes.count && bytes[i] == UInt8(ascii: "=")
        if orEqual { i += 1 }
        switch (greater, orEqual) {
        case (true, false): return .greater
        case (true, true): return .greaterOrEqual
        case (false, false): return .less
        case (false, true): return .lessOrEqual
        }
    }
}
