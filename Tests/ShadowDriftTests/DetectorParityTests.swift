import Foundation
import Testing
@testable import ShadowDrift

/// The Swift detectors signal on exactly the samples River 0.26.1 does (fixtures/drift/detector-parity.json,
/// written by scripts/drift/make_parity_fixture.py).
@Suite struct DetectorParityTests {
    struct Stream {
        var name: String
        var values: [Double]
        var river: [String: [Int]]
    }

    static let streams: [Stream] = {
        let data = try! Data(contentsOf: ReferenceFixtures.directory.appendingPathComponent("detector-parity.json"))
        let doc = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (doc["streams"] as! [[String: Any]]).map {
            Stream(name: $0["name"] as! String, values: ($0["values"] as! [NSNumber]).map(\.doubleValue),
                   river: $0["river"] as! [String: [Int]])
        }
    }()

    static func indices(_ values: [Double], _ detector: some StreamingDetector, _ wanted: DetectorSignal) -> [Int] {
        var d = detector
        var out: [Int] = []
        for (i, x) in values.enumerated() where d.update(x) == wanted { out.append(i) }
        return out
    }

    @Test(arguments: streams.map(\.name))
    func adwin(_ name: String) {
        let s = Self.streams.first { $0.name == name }!
        #expect(Self.indices(s.values, ADWIN(), .drift) == s.river["adwin"]!)
    }

    @Test(arguments: streams.map(\.name))
    func pageHinkley(_ name: String) {
        let s = Self.streams.first { $0.name == name }!
        #expect(Self.indices(s.values, PageHinkley(), .drift) == s.river["page_hinkley"]!)
    }

    @Test(arguments: streams.filter { $0.name.hasPrefix("error") }.map(\.name))
    func ddm(_ name: String) {
        let s = Self.streams.first { $0.name == name }!
        #expect(Self.indices(s.values, DDM(), .drift) == s.river["ddm_drift"]!)
        #expect(Self.indices(s.values, DDM(), .warning) == s.river["ddm_warning"]!)
    }

    @Test func stateSurvivesACodableRoundTrip() throws {
        let s = Self.streams.first { $0.name == "error_rate_jump" }!
        var live = AnyDetector(.adwin)
        var restored = live
        var liveSignals: [DetectorSignal] = [], restoredSignals: [DetectorSignal] = []
        for (i, x) in s.values.enumerated() {
            if i % 997 == 0 {
                let data = try JSONEncoder().encode(restored)
                restored = try JSONDecoder().decode(AnyDetector.self, from: data)
            }
            liveSignals.append(live.update(x))
            restoredSignals.append(restored.update(x))
        }
        #expect(liveSignals == restoredSignals)
        #expect(liveSignals.contains(.drift))
    }

    @Test func adwinTracksTheWindowMean() {
        var d = ADWIN()
        for i in 0..<1000 { _ = d.update(i % 4 == 0 ? 1 : 0) }
        #expect(d.windowLength == 1000)
        #expect(abs(d.estimation - 0.25) < 1e-12)
        #expect(abs(d.windowVariance - 0.1875) < 1e-9)
    }
}
