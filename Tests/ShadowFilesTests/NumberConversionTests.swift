import Testing
@testable import ShadowFiles

/// The scanner's number values must be the correctly rounded Doubles that `Double(String)` gives.
@Suite struct NumberConversionTests {
    /// The value the JSON scanner gives for the literal, or nil when it rejects the line.
    static func scanned(_ literal: String) -> Double? {
        var tape = JSONTape()
        let bytes = Array("[\(literal)]".utf8)
        let ok = bytes.withUnsafeBufferPointer { tape.parse($0.baseAddress!, count: $0.count) }
        guard ok, tape.count == 2 else { return nil }
        return tape[1].number
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    }

    @Test("hard cases: ties, subnormals, limits, long mantissas", arguments: [
        "0", "-0", "0.1", "1e23", "9007199254740993", "9007199254740995", "9007199254740993.0000000001",
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "5e-324", "1e-400",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e400", "-1e400",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203126",
        "123456789012345678901234567890", "0.000000000000000000000000000001234567890123456789012",
        "7.2057594037927933e16", "8.98846567431158e307", "1844674407370955161", "18446744073709551615",
        "18446744073709551616", "99999999999999999999", "0.30000000000000004", "4.35679940375218e-322",
        "1.5e-45", "3.4028235e38", "6.02214076e23", "1e0", "1E+2", "1e-2", "12345678.12345678",
    ])
    func hardCases(literal: String) {
        #expect(Self.same(Self.scanned(literal), Double(literal)), "\(literal)")
    }

    @Test func randomDoublesInShortestForm() {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<40_000 {
            let x = Double(bitPattern: rng.next() & ~(0x7FF << 52) | (UInt64.random(in: 1...2046, using: &rng) << 52))
            let literal = "\(x)"
            #expect(Self.same(Self.scanned(literal), Double(literal)), "\(literal)")
        }
    }

    @Test func randomDigitStrings() {
        var rng = SplitMix64(seed: 2)
        let digits = Array("0123456789")
        for _ in 0..<40_000 {
            let count = Int.random(in: 1...24, using: &rng)
            var mantissa = String((0..<count).map { _ in digits[Int.random(in: 0...9, using: &rng)] })
            while mantissa.count > 1 && mantissa.first == "0" { mantissa.removeFirst() }
            var literal = Bool.random(using: &rng) ? "-" : ""
            let point = Int.random(in: 0...mantissa.count, using: &rng)
            if point > 0 && point < mantissa.count {
                literal += mantissa.prefix(point) + "." + mantissa.dropFirst(point)
            } else {
                literal += mantissa
            }
            if Bool.random(using: &rng) { literal += "e\(Int.random(in: -340...310, using: &rng))" }
            #expect(Self.same(Self.scanned(literal), Double(literal)), "\(literal)")
        }
    }

    @Test("CSV numeric text", arguments: ["+5", ".5", "5.", "007", "-0.25", "1e3", "+1.5E-3", "123456789012345678901"])
    func csvNumbers(text: String) {
        let bytes = Array(text.utf8)
        let value = bytes.withUnsafeBufferPointer { CSVValue.classify($0.baseAddress!, $0.count) }
        guard case .number(let x, _) = value else {
            Issue.record("\(text) not read as a number")
            return
        }
        #expect(x == Double(text)!)
    }
}
