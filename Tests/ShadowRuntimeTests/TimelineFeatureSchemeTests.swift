import Testing
@testable import ShadowRuntime

@Suite struct TimelineFeatureSchemeTests {
    let settings = TimelineSettings(maxCategories: 3, quantiles: 4)

    @Test func numericEdgesAreRoundedQuartilesOfTheWarmup() {
        let values = (0..<1000).map { Double($0) * 1.23457 } + [.nan]
        var scheme = FeatureScheme.from(values: values, strings: [], settings: settings)
        #expect(scheme.kind == .numeric)
        #expect(scheme.edges == [309, 617, 926])
        #expect(scheme.labels == ["missing", "(-inf, 309)", "[309, 617)", "[617, 926)", "[926, inf)"])
        #expect(scheme.bucket(.nan, string: "x") == 0)
        #expect(scheme.bucket(-5, string: nil) == 1)
        #expect(scheme.bucket(309, string: nil) == 2)
        #expect(scheme.bucket(1e9, string: nil) == 4)
    }

    @Test func categoricalGrowsToTheCapThenCountsOther() {
        var scheme = FeatureScheme.from(values: [1, 2, 2, .nan], strings: [], settings: settings)
        #expect(scheme.kind == .categorical)
        #expect(scheme.labels == ["missing", "other", "1", "2"])
        #expect(scheme.bucket(2, string: nil) == 3)
        #expect(scheme.bucket(.nan, string: "pro") == 4)   // a new value while there is room
        #expect(scheme.bucket(.nan, string: "basic") == 1) // full: other
        #expect(scheme.bucket(7, string: nil) == 1)
        #expect(scheme.bucket(.nan, string: nil) == 0)
        #expect(scheme.lower[2] == 1 && scheme.upper[2] == 1 && scheme.lower[4] == nil)
    }

    @Test func stringsAreCategoricalByFrequency() {
        let scheme = FeatureScheme.from(values: [.nan, .nan, .nan], strings: ["b", "a", "b"], settings: settings)
        #expect(scheme.labels == ["missing", "other", "b", "a"])
    }

    @Test func storedRowsRestoreTheSameScheme() {
        for scheme in [FeatureScheme(edges: [1.5, 20, 300]),
                       FeatureScheme(categories: [0, 3], strings: ["pro"], maxCategories: 3)] {
            let rows = scheme.labels.indices.map { (scheme.labels[$0], $0, scheme.lower[$0], scheme.upper[$0]) }
            let restored = FeatureScheme.restore(rows.reversed(), settings: settings)
            #expect(restored?.labels == scheme.labels)
            #expect(restored?.kind == scheme.kind)
        }
        #expect(FeatureScheme.restore([("other", 1, nil, nil)], settings: settings) == nil)
    }

    @Test func topKeepsTheLargestAndTheEarliestOfEqualOnes() {
        var top = TopDisagreements(capacity: 2)
        for (i, delta) in [0.1, 0.5, 0.5, 0.3, 0.5, nil].enumerated() {
            top.offer(.init(recordID: "r-\(i)", recordTimeMs: nil, shadow: "s", kind: .scoreDelta, championOutput: "",
                            shadowOutput: "", delta: delta, featuresJSON: nil), seq: Int64(i))
        }
        #expect(top.heap.map(\.row.recordID).sorted() == ["r-1", "r-2"])
        #expect(top.threshold == 0.5)
    }
}
