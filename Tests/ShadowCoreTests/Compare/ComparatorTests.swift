import Testing
@testable import ShadowCore

@Suite struct ComparatorTests {
    func verdict(_ c: [Double], _ s: [Double], _ settings: CompareSettings,
                 championError: ModelErrorCode? = nil, shadowError: ModelErrorCode? = nil) -> Comparator.Verdict? {
        Comparator(settings: settings).compare(
            champion: c[...], championError: championError, shadow: s[...], shadowError: shadowError)
    }

    @Test func binaryLabelFlipAcrossTheThreshold() {
        let v = verdict([0.49], [0.51], CompareSettings(task: .binary, threshold: 0.5, absTolerance: 0.5))
        #expect(v?.kind == .labelFlip)
        #expect(abs((v?.delta ?? 0) - 0.02) < 1e-12)
    }

    @Test func binaryScoreDeltaUsesAbsoluteAndRelativeTolerance() {
        let s = CompareSettings(task: .binary, threshold: 0.5, absTolerance: 0.01, relTolerance: 0.1)
        #expect(verdict([0.8], [0.85], s) == nil)                      // 0.05 <= 0.01 + 0.08
        #expect(verdict([0.8], [0.9], s)?.kind == .scoreDelta)         // 0.1 > 0.09
        #expect(verdict([0.2], [0.2], s) == nil)
    }

    @Test func thresholdBoundaryCountsAsPositive() {
        let s = CompareSettings(task: .binary, threshold: 0.5, absTolerance: 1)
        #expect(verdict([0.5], [0.4999], s)?.kind == .labelFlip)
        #expect(verdict([0.5], [0.5], s) == nil)
    }

    @Test func multiclassArgmaxFlipAndProbabilityDelta() {
        let s = CompareSettings(task: .multiclass, absTolerance: 0.05)
        #expect(verdict([0.5, 0.3, 0.2], [0.3, 0.5, 0.2], s)?.kind == .labelFlip)
        let delta = verdict([0.6, 0.3, 0.1], [0.5, 0.3, 0.2], s)
        #expect(delta?.kind == .scoreDelta)
        #expect(abs((delta?.delta ?? 0) - 0.1) < 1e-12)
        #expect(verdict([0.6, 0.3, 0.1], [0.61, 0.29, 0.1], s) == nil)
    }

    @Test func regressionHasNoLabels() {
        let s = CompareSettings(task: .regression, absTolerance: 0.5)
        #expect(verdict([10], [10.4], s) == nil)
        #expect(verdict([10], [11], s) == Comparator.Verdict(kind: .scoreDelta, delta: 1))
    }

    @Test func errorsComeFirstAndChampionFailuresAreNotDisagreements() {
        let s = CompareSettings(task: .binary)
        #expect(verdict([0.9], [.nan], s, shadowError: .timeout) == Comparator.Verdict(kind: .shadowError, delta: nil))
        #expect(verdict([.nan], [0.1], s, championError: .failed) == nil)
        #expect(verdict([.nan], [.nan], s, championError: .failed, shadowError: .failed) == nil)
    }

    @Test func nanScoresAlwaysDisagree() {
        let s = CompareSettings(task: .regression, absTolerance: 1e9)
        #expect(verdict([1], [.nan], s)?.kind == .scoreDelta)
    }
}
