import Foundation
import ShadowCore
@testable import ShadowRuntime
@testable import ShadowMonitor

/// The drift fixture streams as observed batches (a logistic champion scores each record), and synthetic streams.
enum DriftStreams {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("fixtures/drift").path) { return url }
        }
        fatalError("fixtures/drift not found above \(#filePath)")
    }()

    static let schema = FeatureSchema(names: ["x0", "x1", "x2", "c0"])

    /// One parsed line of a stream.
    struct Row: Sendable {
        var id: String
        var ms: Double
        var x: [Double]
        var category: String?
        var label: Double
    }

    /// The rows of fixtures/drift/NAME.jsonl (a plain scanner: the fixtures have one fixed key order).
    static func rows(_ name: String) -> [Row] {
        let bytes = [UInt8](try! Data(contentsOf: root.appendingPathComponent("fixtures/drift/\(name).jsonl")))
        var rows: [Row] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while bytes[end] != 10 { end += 1 }
            rows.append(parse(bytes[start..<end]))
            start = end + 1
        }
        return rows
    }

    /// Values after each `":` in order: id, ts, x0, x1, x2, [c0], label.
    private static func parse(_ line: ArraySlice<UInt8>) -> Row {
        var fields: [String] = []
        var i = line.startIndex
        while i < line.endIndex {
            if line[i] == UInt8(ascii: ":") && line[i - 1] == UInt8(ascii: "\"") && line[i + 1] != UInt8(ascii: "{") {
                var j = i + 1
                while line[j] != UInt8(ascii: ",") && line[j] != UInt8(ascii: "}") { j += 1 }
                fields.append(String(decoding: line[(i + 1)..<j], as: UTF8.self))
                i = j
            }
            i += 1
        }
        let id = Int(fields[0])!
        // ts is "YYYY-MM-DDTHH:MM:SSZ"; the fixtures step 30 s from 2024-01-01T00:00:00Z, checked below.
        let ts = Array(fields[1].utf8)
        func n(_ a: Int, _ b: Int) -> Double { Double(String(decoding: ts[a..<b], as: UTF8.self))! }
        let ms = 1_704_067_200_000 + ((n(9, 11) - 1) * 86_400 + n(12, 14) * 3600 + n(15, 17) * 60 + n(18, 20)) * 1000
        let x = [Double(fields[2])!, Double(fields[3])!, Double(fields[4])!]
        let category = fields.count == 7 ? String(fields[5].dropFirst().dropLast()) : nil
        return Row(id: String(id), ms: ms, x: x, category: category, label: Double(fields.last!)!)
    }

    /// Batches of `size` rows for `run`, with a champion `2·x0 + 2·x1 − x2 − 1` (logistic) and no shadows.
    static func batches(_ rows: [Row], run: Int64, size: Int = 512) -> [ObservedBatch] {
        stride(from: 0, to: rows.count, by: size).map { start in
            let slice = rows[start..<min(rows.count, start + size)]
            var predictions = PredictionBatch(count: slice.count, width: 1)
            let records = slice.enumerated().map { (i, r) -> TrafficRecord in
                predictions.values[i] = 1 / (1 + exp(-(2 * r.x[0] + 2 * r.x[1] - r.x[2] - 1)))
                return TrafficRecord(id: r.id, epochMs: r.ms, features: r.x + [.nan],
                                     strings: r.category.map { [3: $0] }, label: .number(r.label),
                                     featuresJSON: 0..<0, position: SourcePosition(file: "t", line: 0, byteOffset: 0))
            }
            return ObservedBatch(run: run, records: RecordBatch(sequence: start / size, records: records), schema: schema,
                                 models: ["champion"], predictions: [predictions], disagreements: [])
        }
    }

    /// A stable stream with a strong daily cycle: x0 = 3·sin(2π·hour/24) + N(0, 1), one record every 6 s.
    static func dailyCycle(days: Int, seed: UInt64 = 42) -> [Row] {
        var rng = SplitMix(seed)
        let start = 1_704_067_200_000.0  // 2024-01-01T00:00:00Z
        return (0..<(days * 14_400)).map { i in
            let ms = start + Double(i) * 6_000
            let phase = 2 * Double.pi * (ms / 3_600_000).truncatingRemainder(dividingBy: 24) / 24
            let x = [3 * sin(phase) + rng.gaussian(), rng.gaussian(), rng.gaussian()]
            return Row(id: String(i), ms: ms, x: x, category: nil, label: x[0] + x[1] > 0.5 ? 1 : 0)
        }
    }

    /// A record index from a window's end time (the fixtures step 30 s from 2024-01-01T00:00:00Z).
    static func index(ofMs ms: Double) -> Int { Int((ms - 1_704_067_200_000) / 30_000) }
}

/// A seeded generator with Box–Muller normals.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / Double(1 << 53) }
    mutating func gaussian() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
}
