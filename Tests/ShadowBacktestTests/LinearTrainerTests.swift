import ShadowCore
import ShadowModels
import ShadowScenario
import Testing
@testable import ShadowBacktest

@Suite struct LinearTrainerTests {
    /// Rows of two uniform features on [0, 10) from the counter RNG.
    static func window(_ n: Int, label: (Double, Double, Int) -> Double) -> TrainingWindow {
        var w = TrainingWindow(width: 2)
        for i in 0..<n {
            let a = CounterRandom.uniform(seed: 1, scenario: 0, index: i, stream: 0) * 10
            let b = CounterRandom.uniform(seed: 1, scenario: 0, index: i, stream: 1) * 10
            w.append([a, b], label: label(a, b, i))
        }
        return w
    }

    @Test func logisticFitSeparatesALinearConceptAndRoundTripsThroughJSON() throws {
        let w = Self.window(4000) { a, b, _ in a + b > 8 ? 1 : 0 }
        let trained = try LinearTrainer.train(w, featureNames: ["x0", "x1"], task: .binary)
        let loaded = try LinearModel(json: Array(trained.json.utf8), source: "trained.json")
        var right = 0
        for r in 0..<w.count {
            let p = try loaded.predict([w.values[2 * r], w.values[2 * r + 1]]).get()[0]
            if (p >= 0.5 ? 1.0 : 0.0) == w.labels[r] { right += 1 }
        }
        #expect(Double(right) / Double(w.count) > 0.98)
        // The boundary is x0 + x1 = 8: equal weights, intercept ≈ −8 × weight.
        let c = trained.coefficients[0]
        #expect(abs(c[0] / c[1] - 1) < 0.1)
        #expect(abs(trained.intercepts[0] / c[0] + 8) < 0.5)
    }

    @Test func leastSquaresRecoversExactWeights() throws {
        let w = Self.window(500) { a, b, _ in 3 * a - 2 * b + 1 }
        let trained = try LinearTrainer.train(w, featureNames: ["x0", "x1"], task: .regression,
                                              options: .init(l2: 0))
        #expect(abs(trained.coefficients[0][0] - 3) < 1e-6)
        #expect(abs(trained.coefficients[0][1] + 2) < 1e-6)
        #expect(abs(trained.intercepts[0] - 1) < 1e-6)
    }

    @Test func softmaxFitsThreeClasses() throws {
        let w = Self.window(3000) { a, _, _ in a < 3 ? 0 : (a < 6 ? 1 : 2) }
        let model = try LinearTrainer.train(w, featureNames: ["x0", "x1"], task: .multiclass(classes: 3)).model
        #expect(model.task == .multiclass(classes: 3))
        let middle = try model.predict([4.5, 1]).get()
        #expect(middle[1] > middle[0] && middle[1] > middle[2])
    }

    @Test func windowsWithoutCompleteRowsAreRefused() {
        var w = TrainingWindow(width: 1)
        w.append([Double.nan], label: 1)
        #expect(throws: LinearTrainer.Failure.self) {
            try LinearTrainer.train(w, featureNames: ["x"], task: .binary)
        }
    }
}
