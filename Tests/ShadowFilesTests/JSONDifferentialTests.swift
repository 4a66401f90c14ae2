import Foundation
import Testing
@testable import ShadowFiles

/// Our scanner against Foundation's `JSONSerialization`, on fixture lines and seeded fuzzed lines: both must
/// agree on "valid JSON object or not", and on every value when valid.
///
/// Known, deliberate differences: we are stricter about a trailing comma (`[1,]`, `{"a":1,}` — Foundation
/// accepts them; we must then report exactly `trailingComma`), and we treat NaN/Infinity tokens and
/// out-of-range numbers as non-finite (Foundation rejects them, and so does a line with them by default).
@Suite struct JSONDifferentialTests {
    /// A JSON value in comparable form.
    indirect enum Value: Equatable {
        case object([[UInt8]: Value])
        case array([Value])
        case string([UInt8])
        case number(Double)
        case bool(Bool)
        case null

        static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.object(let x), .object(let y)): return x == y
            case (.array(let x), .array(let y)): return x == y
            case (.string(let x), .string(let y)): return x == y
            case (.number(let x), .number(let y)): return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
            case (.bool(let x), .bool(let y)): return x == y
            case (.bool(let x), .number(let y)), (.number(let y), .bool(let x)): return (x ? 1.0 : 0.0) == y
            case (.null, .null): return true
            default: return false
            }
        }
    }

    enum Verdict: Equatable {
        case valid(Value)
        case invalid(JSONSyntaxError.Kind?)
    }

    /// Our verdict: parse, require an object, refuse non-finite numbers; values as a tree.
    static func ours(_ bytes: [UInt8]) -> Verdict {
        var tape = JSONTape()
        return bytes.withUnsafeBufferPointer { buffer -> Verdict in
            guard let p = buffer.baseAddress else { return .invalid(.unexpectedEnd) }
            guard tape.parse(p, count: buffer.count) else { return .invalid(tape.error.kind) }
            guard tape[0].kind == .object, tape.firstNonFinite < 0 else { return .invalid(nil) }
            func value(_ i: Int) -> Value {
                let node = tape[i]
                switch node.kind {
                case .object:
                    var members: [[UInt8]: Value] = [:]
                    var k = i + 1
                    while k < Int(node.next) {
                        members[JSONStrings.unescaped(JSONStrings.content(tape[k], in: p))] = value(k + 1)
                        k = Int(tape[k + 1].next)
                    }
                    return .object(members)
                case .array:
                    var elements: [Value] = []
                    var k = i + 1
                    while k < Int(node.next) {
                        elements.append(value(k))
                        k = Int(tape[k].next)
                    }
                    return .array(elements)
                case .string: return .string(JSONStrings.unescaped(JSONStrings.content(node, in: p)))
                case .number:
                    let literal = String(decoding: buffer[node.range], as: UTF8.self)
                    #expect(node.number.bitPattern == Double(literal)!.bitPattern, "\(literal)")
                    return .number(node.number)
                case .true: return .bool(true)
                case .false: return .bool(false)
                case .null, .nonFinite: return .null
                }
            }
            return .valid(value(0))
        }
    }

    /// Foundation's verdict.
    static func foundation(_ bytes: [UInt8]) -> Verdict {
        guard let any = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]),
              any is [String: Any] else { return .invalid(nil) }
        func value(_ any: Any) -> Value {
            switch any {
            case let d as [String: Any]:
                var members: [[UInt8]: Value] = [:]
                for (k, v) in d { members[Array(k.utf8)] = value(v) }
                return .object(members)
            case let a as [Any]: return .array(a.map(value))
            case let s as String: return .string(Array(s.utf8))
            case let n as NSNumber: return .number(n.doubleValue)
            case is NSNull: return .null
            default: return .null
            }
        }
        return .valid(value(any))
    }

    static func check(_ bytes: [UInt8]) {
        let mine = ours(bytes)
        let theirs = foundation(bytes)
        let shown = String(decoding: bytes, as: UTF8.self).debugDescription
        switch (mine, theirs) {
        case (.valid(let a), .valid(let b)):
            #expect(a == b, "values differ: \(shown)")
        case (.invalid, .invalid):
            break
        case (.invalid(let kind), .valid):
            #expect(kind == .trailingComma, "we reject (\(String(describing: kind))), Foundation accepts: \(shown)")
        case (.valid, .invalid):
            Issue.record("we accept, Foundation rejects: \(shown)")
        }
    }

    @Test func fixtureLines() throws {
        var lines = 0
        for name in ["canonical.jsonl", "rejects.jsonl", "nested_shape.jsonl", "kserve_inputs.jsonl"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(name)))
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                Self.check(Array(line))
                lines += 1
            }
        }
        #expect(lines > 25)
    }

    @Test func randomValidObjects() {
        var generator = RandomJSON(seed: 42)
        var accepted = 0
        for _ in 0..<2_000 {
            let line = generator.object()
            Self.check(line)
            if case .valid = Self.ours(line) { accepted += 1 }
        }
        #expect(accepted > 1_950)  // only literals like 1e400 may fall out
    }

    @Test func mutatedObjects() {
        var generator = RandomJSON(seed: 7)
        var rejected = 0
        for _ in 0..<4_000 {
            let line = generator.mutated(generator.object())
            Self.check(line)
            if case .invalid = Self.ours(line) { rejected += 1 }
        }
        #expect(rejected > 1_000)
    }

    @Test("trailing commas are the one thing Foundation accepts and we do not",
          arguments: [#"{"a":[1,]}"#, #"{"a":1,}"#, #"{"a":{"b":2 , } }"#])
    func trailingComma(line: String) {
        #expect(Self.ours(Array(line.utf8)) == .invalid(.trailingComma))
        #expect(Self.foundation(Array(line.utf8)) != .invalid(nil))
    }
}
