import Foundation
import ShadowConfig
import ShadowCore
import ShadowFiles
import ShadowModels
import ShadowRuntime
import ShadowSQLite

/// `shadow-bench`: the measurements scripts/bench.sh prints beside their anchors.
@main
struct ShadowBench {
    static func main() async throws {
        let args = Array(CommandLine.arguments.dropFirst())
        switch args.first {
        case "gen-rows" where args.count == 4:
            try generateRows(count: Int(args[1])!, width: Int(args[2])!, path: args[3])
        case "xgb-eval" where args.count == 4:
            print(try xgbEval(model: args[1], rows: args[2], width: Int(args[3])!))
        case "store" where args.count == 3:
            let (ours, floor) = try storeWrites(rows: Int(args[1])!, folder: args[2])
            print("\(ours) \(floor)")
        case "stages" where args.count == 3:
            try await stages(config: args[1], file: args[2])
        case "query-db" where args.count == 3: try queryDatabase(rows: Int(args[1])!, path: args[2])
        case "backtest" where args.count >= 2: exit(try await backtestCommand(Array(args.dropFirst())))
        case "drift" where args.count >= 2:
            exit(try driftCommand(Array(args.dropFirst())))
        default:
            FileHandle.standardError.write(Data("""
                usage: shadow-bench gen-rows N WIDTH OUT | xgb-eval MODEL ROWS WIDTH | store N FOLDER | stages CONFIG FILE

                """.utf8))
            exit(2)
        }
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Seeded rows of standard normals (2% missing), as raw little-endian float64.
    static func generateRows(count: Int, width: Int, path: String) throws {
        var rng = SplitMix64(seed: 20261127)
        var values = [Double](repeating: 0, count: count * width)
        for i in values.indices {
            let u1 = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-300)
            let u2 = Double(rng.next() >> 11) / Double(1 << 53)
            values[i] = rng.next() % 50 == 0 ? .nan : (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
        try values.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
    }

    /// Embedded XGBoost rows/s on one core, best of 3.
    static func xgbEval(model path: String, rows: String, width: Int) throws -> Int {
        let model = try EmbeddedModelLoader.load(
            kind: .xgboost, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), source: path)
        let values = try Data(contentsOf: URL(fileURLWithPath: rows)).withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
        let count = values.count / width
        let outWidth = model.task.outputWidth
        var out = [Double](repeating: 0, count: count * outWidth)
        var errors = [ModelErrorCode?](repeating: nil, count: count)
        var best = 0.0
        var sink = 0.0
        for _ in 0..<3 {
            let t = seconds {
                values.withUnsafeBufferPointer { all in
                    out.withUnsafeMutableBufferPointer { o in
                        errors.withUnsafeMutableBufferPointer { e in
                            // As a replay evaluates a batch: every row of it through the model at once.
                            model.predict(rows: count, withRow: { r, body in
                                body(UnsafeBufferPointer(rebasing: all[(r * width)..<((r + 1) * width)]))
                            }, into: o, errors: e)
                        }
                    }
                }
            }
            sink += out[count / 2] + out[count - 1]
            best = max(best, Double(count) / t)
        }
        if sink.isNaN { FileHandle.standardError.write(Data("warning: NaN predictions\n".utf8)) }
        return Int(best)
    }

    /// Disagreement rows/s through SQLiteStore (appends until finishRun returns) and SQLite's set-based floor,
    /// both writing the same row shape into the same table.
    static func storeWrites(rows: Int, folder: String) throws -> (Int, Int) {
        func fresh(_ name: String) -> String {
            let path = folder + "/" + name
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return path
        }
        let ours = try StoreBenchmark.storeRate(path: fresh("store-bench.db"), rows: rows)
        let floor = try StoreBenchmark.setBasedFloor(path: fresh("floor-bench.db"), rows: rows)
        return (Int(ours), Int(floor))
    }
}

/// A small seeded generator so both sides of a benchmark see the same rows.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
