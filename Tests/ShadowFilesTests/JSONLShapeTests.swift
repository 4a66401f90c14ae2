import Foundation
import ShadowCore
import Testing
@testable import ShadowFiles

/// Lines read through a learned shape against the same lines read by the full parser alone: every record (id, time,
/// features by bit pattern, label, features JSON, recorded answer) and every reject (line, code, reason) must agree,
/// on the fixture files and on chunks of lines that start in one layout and then depart from it in many ways.
@Suite struct JSONLShapeTests {
    static let schema = FeatureSchema(names: ["f00", "f01", "f02", "age", "plan", "spend", "vip"])

    /// Every record and reject of `lines` decoded as one chunk, as comparable text.
    static func decoded(_ lines: [[UInt8]], shapes: Bool, settings: SourceSettings = .init()) throws -> [String] {
        var decoder = try JSONLRecordDecoder(settings: settings, schema: schema)
        decoder.learnsShapes = shapes
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for line in lines {
            let start = bytes.count
            bytes += line
            ranges.append(start..<bytes.count)
            bytes.append(0x0A)
        }
        let chunk = LineChunk(sequence: 0, file: "mem.jsonl", bytes: bytes, lines: ranges,
                              lineNumbers: Array(1...max(1, lines.count)).prefix(lines.count).map { $0 },
                              lineOffsets: ranges.map { Int64($0.lowerBound) }, endOffset: Int64(bytes.count),
                              endLine: lines.count)
        let batch = decoder.decode(chunk)
        var out: [String] = []
        for (i, r) in batch.records.enumerated() {
            let features = r.features.map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
            out.append("record line \(r.position.line) id=\(r.id) t=\(String(describing: r.epochMs)) f=[\(features)] "
                + "s=\(String(describing: r.strings)) label=\(String(describing: r.label)) "
                + "json=\(batch.featuresJSON(of: i)) recorded=\(String(describing: batch.recordedJSON(of: i)))")
        }
        for j in batch.rejects { out.append("reject line \(j.position.line) \(j.code) \(j.reason)") }
        return out
    }

    static func expectSame(_ lines: [String], settings: SourceSettings = .init(),
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectSame(bytes: lines.map { Array($0.utf8) }, settings: settings, sourceLocation: sourceLocation)
    }

    static func expectSame(bytes lines: [[UInt8]], settings: SourceSettings = .init(),
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let shaped = try decoded(lines, shapes: true, settings: settings)
        let full = try decoded(lines, shapes: false, settings: settings)
        #expect(shaped == full, sourceLocation: sourceLocation)
    }

    @Test(arguments: ["canonical.jsonl", "kserve_inputs.jsonl", "nested_shape.jsonl", "rejects.jsonl"])
    func fixtureFiles(_ name: String) throws {
        let text = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(name))))
        let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        try Self.expectSame(bytes: lines)
        // The same lines with each one repeated, so a shape is learned from it and read through by its copy.
        try Self.expectSame(bytes: lines.flatMap { [$0, $0] })
    }

    static let base = #"{"id":"r-1","timestamp":"2025-03-03T00:00:00.005Z","features":{"f00":0.5,"f01":-1.25,"f02":3},"label":0}"#

    /// Lines that depart from `base` in one place each.
    static let departures: [String] = [
        base,
        base.replacingOccurrences(of: "0.5", with: "NaN"),
        base.replacingOccurrences(of: "0.5", with: "1e400"),
        base.replacingOccurrences(of: "0.5", with: "-0"),
        base.replacingOccurrences(of: "0.5", with: "01"),
        base.replacingOccurrences(of: "0.5", with: "1."),
        base.replacingOccurrences(of: "0.5", with: "12345678901234567890123e-5"),
        base.replacingOccurrences(of: "0.5", with: #""text""#),
        base.replacingOccurrences(of: "0.5", with: "null"),
        base.replacingOccurrences(of: "0.5", with: "true"),
        base.replacingOccurrences(of: "0.5", with: #"{"x":1}"#),
        base.replacingOccurrences(of: #""r-1""#, with: "42"),
        base.replacingOccurrences(of: #""r-1""#, with: "4.5"),
        base.replacingOccurrences(of: #""r-1""#, with: #""r\u002d1""#),
        base.replacingOccurrences(of: #""r-1""#, with: "null"),
        base.replacingOccurrences(of: #""f01""#, with: #""f\u0030""#),
        base.replacingOccurrences(of: #""f01""#, with: #""f00""#),
        base.replacingOccurrences(of: #""f01""#, with: #""zz""#),
        base.replacingOccurrences(of: #","label":0"#, with: ""),
        base.replacingOccurrences(of: #","label":0"#, with: #","label":"yes""#),
        base.replacingOccurrences(of: #","label":0"#, with: #","label":0,"recorded":0.7"#),
        base.replacingOccurrences(of: #""2025-03-03T00:00:00.005Z""#, with: "1740960000005"),
        base.replacingOccurrences(of: #""2025-03-03T00:00:00.005Z""#, with: #""2025-02-30T00:00:00Z""#),
        base.replacingOccurrences(of: #""timestamp""#, with: #""epoch_ms""#),
        base.replacingOccurrences(of: "{\"f00\"", with: "{ \"f00\""),
        base.replacingOccurrences(of: "3}", with: "3,}"),
        base.replacingOccurrences(of: "3}", with: "3"),
        base + " ",
        " " + base,
        base + "x",
        String(base.dropLast()),
        base.replacingOccurrences(of: "r-1", with: "r-\u{e9}"),
        base.replacingOccurrences(of: #""features":{"f00":0.5,"f01":-1.25,"f02":3}"#, with: #""features":{}"#),
        base.replacingOccurrences(of: #""features":{"f00":0.5,"f01":-1.25,"f02":3}"#, with: #""features":[1,2]"#),
    ]

    @Test func departuresFromALearnedShape() throws {
        // Each departure after a run of base lines (the shape is learned and in use), then base lines again.
        for departure in Self.departures {
            try Self.expectSame([Self.base, Self.base, departure, Self.base, departure, departure, Self.base])
        }
        // Every departure learned as the shape, then read against the others.
        try Self.expectSame(Self.departures + Self.departures.reversed())
    }

    @Test func fuzzedLines() throws {
        // Each chunk learns the shape from base lines, then reads a mutated line (twice) and a base line through it.
        var random = SplitMix64(seed: 20261127)
        let alphabet = Array(#"{}[]:,"\-.0123456789eE+ tfnulsa\"#.utf8) + [0x80, 0xC3, 0xA9, 0x09]
        let base = Array(Self.base.utf8)
        for _ in 0..<1500 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random)!
                case 1:
                    let place = Int.random(in: 0...bytes.count, using: &random)
                    bytes.insert(alphabet.randomElement(using: &random)!, at: place)
                default: bytes.remove(at: at)
                }
            }
            try Self.expectSame(bytes: [base, base, bytes, bytes, base])
        }
    }

    @Test func pointersElsewhereAndExtrasTurnShapesOff() throws {
        var settings = SourceSettings()
        settings.fields.features = "/payload/features"
        try Self.expectSame([#"{"id":"a","payload":{"features":{"f00":1}}}"#,
                             #"{"id":"b","payload":{"features":{"f00":2}}}"#], settings: settings)
        settings = SourceSettings()
        settings.fields.feature = ["vip": "/meta/vip"]
        try Self.expectSame([#"{"id":"a","features":{"f00":1},"meta":{"vip":true}}"#,
                             #"{"id":"b","features":{"f00":2},"meta":{"vip":false}}"#], settings: settings)
    }
}
