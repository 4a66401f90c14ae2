import Foundation
import Testing
import ShadowCore
import ShadowFiles

/// Single-core read + decode throughput on generated ~1 KB lines with 30 numeric features.
///
/// Off by default (a timing is not a test); run it in release:
/// `SHADOWD_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ThroughputTests`
/// (`SHADOWD_BENCH_LINES` sets the line count, default 100000). Compare with
/// `python3 -c 'import orjson,sys; [orjson.loads(l) for l in open(sys.argv[1],"rb")]' FILE`.
@Suite struct ThroughputTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SHADOWD_BENCH"] != nil))
    func readAndDecode() throws {
        let count = Int(ProcessInfo.processInfo.environment["SHADOWD_BENCH_LINES"] ?? "") ?? 100_000
        let names = (0..<30).map { "feature_\($0)" }
        var rng = SplitMix64(seed: 3)
        var text = ""
        text.reserveCapacity(count * 1000)
        for i in 0..<count {
            let values = names.map { name -> String in
                "\"\(name)\":\(Double.random(in: -1000...1000, using: &rng))"
            }
            text += #"{"id":"r-\#(i)","timestamp":"2025-03-03T00:01:45.605Z","features":{\#(values.joined(separator: ","))},"label":\#(i % 2),"recorded":{"p1":0.5}}"#
            text += "\n"
        }
        let path = try Fixtures.temporaryFile("bench.jsonl", text)
        let schema = FeatureSchema(names: names)
        var best = 0.0
        for _ in 0..<3 {
            let start = ContinuousClock.now
            let reader = try TrafficReader(path: path, settings: .init(), schema: schema)
            var records = 0
            var rejects = 0
            while let chunk = try reader.nextChunk(maxLines: 512) {
                let batch = reader.decoder.decode(chunk)
                records += batch.records.count
                rejects += batch.rejects.count
            }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            #expect(records == count && rejects == 0)
            best = max(best, Double(count) / seconds)
        }
        print("ShadowFiles read+decode: \(Int(best)) lines/s, \(text.utf8.count / count) bytes/line, one core")
    }
}
