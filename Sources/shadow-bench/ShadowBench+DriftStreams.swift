import Foundation

/// Reading the drift benchmark's inputs: make_streams.py's JSONL streams with their sidecars, and
/// river_detectors.py's JSON lines (detections per stream, throughput).
extension ShadowBench {
    private struct Row: Decodable {
        var timestamp: String
        var features: [String: Double]
        var label: Int
    }

    private struct Sidecar: Decodable {
        struct ErrorModel: Decodable {
            var features: [String]
            var weights: [Double]
            var bias: Double
        }

        var drift_points: [Int]
        var kind: String
        var width: Int?
        var feature: String?
        var error_model: ErrorModel
    }

    private struct RiverLine: Decodable {
        var stream: String
        var river: [String: [Int]]
    }

    private struct RiverThroughput: Decodable {
        var river_samples_per_second: [String: Double]
    }

    /// Loads `NAME.jsonl` and its sidecar `NAME.json`; the error is computed as river_detectors.py does:
    /// score = bias + Σ wᵢ·xᵢ (summed left to right from 0), error = 1 when [score > 0] ≠ label.
    static func loadDriftStream(_ path: String) throws -> DriftStream {
        let sidecarPath = String(path.dropLast(1))
        let meta = try JSONDecoder().decode(Sidecar.self, from: Data(contentsOf: URL(fileURLWithPath: sidecarPath)))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var array = Data("[".utf8)
        array.reserveCapacity(bytes.count + 2)
        for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if array.count > 1 { array.append(UInt8(ascii: ",")) }
            array.append(contentsOf: line)
        }
        array.append(UInt8(ascii: "]"))
        let rows = try JSONDecoder().decode([Row].self, from: array)
        let name = String((path as NSString).lastPathComponent.dropLast(6))
        var s = DriftStream(name: name, kind: meta.kind, driftPoints: meta.drift_points, width: meta.width ?? 1,
                            feature: meta.feature)
        let model = meta.error_model
        s.timesMs.reserveCapacity(rows.count)
        s.errors.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            guard let t = epochMs(row.timestamp) else {
                throw BenchError("\(path):\(i + 1): field timestamp: not YYYY-MM-DDTHH:MM:SSZ: \(row.timestamp)")
            }
            s.timesMs.append(t)
            var sum = 0.0
            for (w, k) in zip(model.weights, model.features) {
                guard let x = row.features[k] else {
                    throw BenchError("\(path):\(i + 1): field features.\(k): missing")
                }
                sum += w * x
            }
            let predicted = model.bias + sum > 0 ? 1 : 0
            s.errors.append(predicted != row.label ? 1 : 0)
            for (k, x) in row.features { s.features[k, default: []].append(x) }
        }
        return s
    }

    /// River's detections by stream name (without `.jsonl`) and detector.
    static func loadRiverDetections(_ path: String) throws -> [String: [String: [Int]]] {
        var out: [String: [String: [Int]]] = [:]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for (i, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
            do {
                let r = try JSONDecoder().decode(RiverLine.self, from: Data(line.utf8))
                out[String(r.stream.dropLast(r.stream.hasSuffix(".jsonl") ? 6 : 0))] = r.river
            } catch {
                throw BenchError("\(path):\(i + 1): not a river_detectors.py line: \(error)")
            }
        }
        return out
    }

    /// River's samples/s by detector from `river_detectors.py --throughput N --json`.
    static func loadRiverThroughput(_ path: String) throws -> [String: Double] {
        try JSONDecoder().decode(RiverThroughput.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            .river_samples_per_second
    }

    /// Milliseconds since the Unix epoch of a `YYYY-MM-DDTHH:MM:SSZ` UTC time.
    static func epochMs(_ s: String) -> Double? {
        let b = Array(s.utf8)
        // "-" 45, "T" 84, ":" 58, "Z" 90
        guard b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90 else {
            return nil
        }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard (48...57).contains(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), let hh = num(11..<13),
              let mm = num(14..<16), let ss = num(17..<19) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(((days * 24 + hh) * 60 + mm) * 60 + ss) * 1000
    }
}

/// A benchmark input error naming the file, line and field.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
