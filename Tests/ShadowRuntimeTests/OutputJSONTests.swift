import Testing
import ShadowCore
@testable import ShadowRuntime

/// The stored output JSON, written straight into a byte buffer: numbers must read exactly as Swift's shortest
/// round-trip `description`, and several answers appended one after another must not disturb each other.
@Suite struct OutputJSONTests {
    static func text(_ values: [Double], error: ModelErrorCode? = nil, after prefix: String = "") -> String {
        var bytes = Array(prefix.utf8)
        OutputJSON.append(values[...], error: error, to: &bytes)
        return String(decoding: bytes.dropFirst(prefix.utf8.count), as: UTF8.self)
    }

    @Test func numbersReadAsTheirShortestRoundTripForm() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.1, 1e-7, 1e21, 1e22, 123456789012345680, 5e-324, 2.2250738585072014e-308,
                                .greatestFiniteMagnitude, 0.7579957753154933, 0.17891613247483817, 1.0 / 3.0]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let x = Double(bitPattern: state)
            if x.isFinite { values.append(x) }
        }
        for x in values {
            #expect(Self.text([x]) == x.description, "\(x.description)")
            #expect(Self.text([x], after: "[1,2]") == x.description, "after earlier bytes: \(x.description)")
        }
    }

    @Test func arraysNonFiniteValuesAndErrors() {
        #expect(Self.text([0.25, 0.75]) == "[0.25,0.75]")
        #expect(Self.text([]) == "[]")
        #expect(Self.text([.nan]) == "null")
        #expect(Self.text([0.5, .infinity, -.infinity]) == "[0.5,null,null]")
        #expect(Self.text([0.5], error: .timeout) == #"{"error":"timeout"}"#)
        #expect(Self.text([], error: .http5xx, after: "x") == #"{"error":"http_5xx"}"#)
    }
}
