import Testing
@testable import ShadowDrift

/// The trigger state machine with plain values: levels, streaks, cooldown, hysteresis and combinators.
@Suite struct TriggerPolicyTests {
    let psi = SignalThreshold(signal: "feature.x0.psi", warn: 0.1, alert: 0.25)
    let ks = SignalThreshold(signal: "feature.x0.ks_p", warn: 0.05, alert: 0.001, direction: .atMost)
    let error = SignalThreshold(signal: "error.adwin", warn: 1, alert: 2)

    func obs(_ signal: String, _ value: Double, _ samples: Int = 1000) -> SignalObservation {
        SignalObservation(signal: signal, value: value, samples: samples)
    }

    @Test func warnsThenAlertsOnceAndRearmsBelowWarn() {
        var p = TriggerPolicy(rules: [TriggerRule(name: "x0", condition: .signal(psi), retrain: true)])
        #expect(p.step([obs(psi.signal, 0.05)], now: 0) == [])
        #expect(p.step([obs(psi.signal, 0.12)], now: 1) == [.warn(rule: "x0", signal: psi.signal, value: 0.12, threshold: 0.1)])
        #expect(p.step([obs(psi.signal, 0.13)], now: 2) == [])
        #expect(p.step([obs(psi.signal, 0.30)], now: 3) == [
            .alert(rule: "x0", signal: psi.signal, value: 0.30, threshold: 0.25), .retrain(rule: "x0"),
        ])
        #expect(p.step([obs(psi.signal, 0.40)], now: 4) == [])
        // Hysteresis: back to warn level is not enough to re-arm.
        #expect(p.step([obs(psi.signal, 0.15)], now: 5) == [])
        #expect(p.step([obs(psi.signal, 0.30)], now: 6) == [])
        #expect(p.step([obs(psi.signal, 0.02)], now: 7) == [.rearm(rule: "x0")])
        #expect(p.step([obs(psi.signal, 0.30)], now: 8).first == .alert(rule: "x0", signal: psi.signal, value: 0.30, threshold: 0.25))
    }

    @Test func pValuesCrossDownward() {
        var p = TriggerPolicy(rules: [TriggerRule(name: "ks", condition: .signal(ks))])
        #expect(p.step([obs(ks.signal, 0.5)], now: 0) == [])
        #expect(p.step([obs(ks.signal, 1e-20)], now: 1) == [.alert(rule: "ks", signal: ks.signal, value: 1e-20, threshold: 0.001)])
    }

    @Test func needsConsecutiveWindowsAndMinimumSamples() {
        var p = TriggerPolicy(rules: [TriggerRule(name: "x0", condition: .signal(psi), minSamples: 500, consecutiveWindows: 3)])
        #expect(p.step([obs(psi.signal, 0.5)], now: 0) == [])
        #expect(p.step([obs(psi.signal, 0.5, 10)], now: 1) == [])  // too few samples: unknown, streak kept
        #expect(p.step([obs(psi.signal, 0.5)], now: 2) == [])
        #expect(p.step([obs(psi.signal, 0.01)], now: 3) == [])  // streak broken
        #expect(p.step([obs(psi.signal, 0.5)], now: 4) == [])
        #expect(p.step([obs(psi.signal, 0.5)], now: 5) == [])
        #expect(p.step([obs(psi.signal, 0.5)], now: 6).first?.rule == "x0")
    }

    @Test func cooldownHoldsARearmedRule() {
        var p = TriggerPolicy(rules: [TriggerRule(name: "x0", condition: .signal(psi), cooldownSeconds: 3600)])
        #expect(p.step([obs(psi.signal, 0.5)], now: 0).count == 1)
        #expect(p.step([obs(psi.signal, 0.0)], now: 60) == [.rearm(rule: "x0")])
        #expect(p.step([obs(psi.signal, 0.5)], now: 120) == [.warn(rule: "x0", signal: psi.signal, value: 0.5, threshold: 0.1)])
        #expect(p.step([obs(psi.signal, 0.0)], now: 180) == [.rearm(rule: "x0")])
        #expect(p.step([obs(psi.signal, 0.5)], now: 3599) == [])  // alert cooling since 0, warn since 120
        #expect(p.step([obs(psi.signal, 0.5)], now: 3601).first == .alert(rule: "x0", signal: psi.signal, value: 0.5, threshold: 0.25))
    }

    @Test func allNeedsEveryMemberAndAnyTakesTheWorst() {
        let both = TriggerRule(name: "drift_and_error", condition: .all([.signal(psi), .signal(error)]), retrain: true)
        let either = TriggerRule(name: "either", condition: .any([.signal(psi), .signal(ks)]))
        var p = TriggerPolicy(rules: [both, either])
        #expect(p.step([obs(psi.signal, 0.5), obs(error.signal, 0)], now: 0) == [
            .alert(rule: "either", signal: psi.signal, value: 0.5, threshold: 0.25),
        ])
        #expect(p.step([obs(psi.signal, 0.5)], now: 1) == [])  // error missing: "all" unknown
        #expect(p.step([obs(psi.signal, 0.5), obs(error.signal, 2)], now: 2) == [
            .alert(rule: "drift_and_error", signal: psi.signal, value: 0.5, threshold: 0.25), .retrain(rule: "drift_and_error"),
        ])
    }

    @Test func stateRoundTripsThroughJSON() throws {
        var p = TriggerPolicy(rules: [TriggerRule(name: "x0", condition: .any([.signal(psi), .signal(ks)]), consecutiveWindows: 2)])
        _ = p.step([obs(psi.signal, 0.5)], now: 0)
        let restored = try JSONDecoderShim.roundTrip(p)
        #expect(restored == p)
        var a = p, b = restored
        #expect(a.step([obs(psi.signal, 0.5)], now: 1) == b.step([obs(psi.signal, 0.5)], now: 1))
    }
}
