import ShadowCore
import ShadowModels
import Testing

/// Every reference file: each row's prediction agrees with the training library's to 1e-6.
@Suite struct ReferencePredictionTests {
    static let names = (try? Fixtures.referenceNames()) ?? []

    @Test func everyModelHasAReference() {
        #expect(Self.names.count == 9, "3 xgboost + 3 lightgbm + 3 linear reference files")
    }

    @Test(arguments: names)
    func matchesLibrary(_ name: String) throws {
        let reference = try ReferenceFile.load(name)
        let model = try reference.loadModel()
        #expect(model.featureNames == reference.features)
        #expect(model.task.description.hasPrefix(reference.task))
        #expect(reference.rows.count >= 200)
        var worst = 0.0
        for (i, row) in reference.numericRows.enumerated() {
            switch (model.predict(row), reference.predictions[i]) {
            case (.success(let got), .some(let want)):
                #expect(got.count == want.count, "row \(i)")
                for (g, w) in zip(got, want) { worst = max(worst, abs(g - w)) }
            case (.failure(let code), .none):
                #expect(code == .missingFeature, "row \(i)")
            case (let got, let want):
                Issue.record("row \(i): got \(got), library gave \(String(describing: want))")
            }
        }
        #expect(worst <= 1e-6, "largest difference \(worst)")
    }

    @Test(arguments: names)
    func permutedSlotsGiveTheSameAnswers(_ name: String) throws {
        let reference = try ReferenceFile.load(name)
        let model = try reference.loadModel()
        let n = model.featureNames.count
        // Feature i lives at slot (n + 1 - i) of a wider row whose other slots hold junk.
        let slots = (0..<n).map { n + 1 - $0 }
        let bound = model.bound(toSlots: slots)
        for row in reference.numericRows.prefix(60) {
            var wide = [Double](repeating: 12345.678, count: n + 2)
            for i in 0..<n { wide[slots[i]] = row[i] }
            let direct = model.predict(row)
            let permuted = bound.predict(wide)
            #expect("\(direct)" == "\(permuted)")
        }
    }
}
