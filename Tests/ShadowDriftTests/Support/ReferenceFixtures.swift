import Foundation
import ShadowCore

/// The reference streams and exact statistic values in fixtures/drift, loaded once per test process.
enum ReferenceFixtures {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("fixtures/drift")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("drift-values.json").path) {
                return candidate
            }
        }
        fatalError("fixtures/drift not found above \(#filePath)")
    }()

    /// drift-values.json as a dictionary tree.
    nonisolated(unsafe) static let values: [String: Any] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("drift-values.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    /// The windows array of drift-values.json.
    static var windows: [[String: Any]] { values["windows"] as! [[String: Any]] }

    /// Raw bytes of a stream file.
    static func bytes(_ file: String) -> Data {
        try! Data(contentsOf: directory.appendingPathComponent(file))
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: [[String: Any]]] = [:]

    /// The feature objects of every record of a stream, in line order.
    static func features(_ file: String) -> [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[file] { return hit }
        let text = String(decoding: bytes(file), as: UTF8.self)
        var rows: [[String: Any]] = []
        rows.reserveCapacity(20_000)
        for line in text.split(separator: "\n") {
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            rows.append(object["features"] as! [String: Any])
        }
        cache[file] = rows
        return rows
    }

    /// A numeric feature over [start, end).
    static func numbers(_ file: String, _ feature: String, _ range: [Int]) -> [Double] {
        features(file)[range[0]..<range[1]].map { ($0[feature] as! NSNumber).doubleValue }
    }

    /// A categorical feature over [start, end).
    static func strings(_ file: String, _ feature: String, _ range: [Int]) -> [String] {
        features(file)[range[0]..<range[1]].map { $0[feature] as! String }
    }
}

/// Accumulates the worst absolute and relative error over many comparisons, for the report.
struct ErrorTally {
    var maxAbsolute = 0.0
    var maxRelative = 0.0
    var compared = 0

    /// True when `actual` is within 1e-9 absolute of `expected`, or 1e-6 relative when expected < 1e-6.
    mutating func check(_ actual: Double, _ expected: Double) -> Bool {
        compared += 1
        let absolute = abs(actual - expected)
        maxAbsolute = max(maxAbsolute, absolute)
        if expected != 0 { maxRelative = max(maxRelative, absolute / abs(expected)) }
        if abs(expected) < 1e-6 && expected != 0 { return absolute / abs(expected) <= 1e-6 }
        return absolute <= 1e-9
    }
}
