import Foundation
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

/// Whole batches at once: each model's batch path gives bit for bit its row path's answers and errors, for every
/// batch length (blocks of rows, pairs and quads of rows, and the remainders).
@Suite struct BatchPredictionTests {
    @Test(arguments: ReferencePredictionTests.names)
    func batchesEqualRowByRow(_ name: String) throws {
        let reference = try ReferenceFile.load(name)
        let model = try reference.loadModel()
        let rows = reference.numericRows
        let width = model.task.outputWidth
        for count in [1, 2, 3, 5, 16, 17, 37, rows.count] where count <= rows.count {
            var out = [Double](repeating: -1, count: count * width)
            var errors = [ModelErrorCode?](repeating: .failed, count: count)
            out.withUnsafeMutableBufferPointer { o in
                errors.withUnsafeMutableBufferPointer { e in
                    model.predict(rows: count, withRow: { r, body in rows[r].withUnsafeBufferPointer(body) },
                                  into: o, errors: e)
                }
            }
            for r in 0..<count {
                switch model.predict(rows[r]) {
                case .success(let want):
                    #expect(errors[r] == nil, "row \(r) of \(count)")
                    #expect(Array(out[(r * width)..<((r + 1) * width)]).map(\.bitPattern) == want.map(\.bitPattern),
                            "row \(r) of \(count)")
                case .failure(let code):
                    #expect(errors[r] == code, "row \(r) of \(count)")
                }
            }
        }
    }
}

extension BatchPredictionTests {
    /// The fixture ensembles all have an even number of trees; with one dropped, the last tree of a four-row block
    /// is walked on its own, and still adds in order.
    @Test func anOddNumberOfTreesStillMatchesRowByRow() throws {
        let reference = try ReferenceFile.load("xgb_binary.reference.json")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes("models/xgb_binary.json")))
            as? [String: Any])
        var learner = try #require(document["learner"] as? [String: Any])
        var booster = try #require(learner["gradient_booster"] as? [String: Any])
        var model = try #require(booster["model"] as? [String: Any])
        let trees = try #require(model["trees"] as? [Any])
        let info = try #require(model["tree_info"] as? [Any])
        model["trees"] = Array(trees.dropLast())
        model["tree_info"] = Array(info.dropLast())
        if let indptr = model["iteration_indptr"] as? [Int] { model["iteration_indptr"] = Array(indptr.dropLast()) }
        model["gbtree_model_param"] = ["num_parallel_tree": "1", "num_trees": String(trees.count - 1)]
        booster["model"] = model
        learner["gradient_booster"] = booster
        document["learner"] = learner
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: document))
        let odd = try EmbeddedModelLoader.load(kind: .xgboost, bytes: bytes, source: "xgb_binary.json minus a tree")
        let rows = reference.numericRows
        var out = [Double](repeating: -1, count: rows.count)
        var errors = [ModelErrorCode?](repeating: .failed, count: rows.count)
        out.withUnsafeMutableBufferPointer { o in
            errors.withUnsafeMutableBufferPointer { e in
                odd.predict(rows: rows.count, withRow: { r, body in rows[r].withUnsafeBufferPointer(body) }, into: o,
                            errors: e)
            }
        }
        let full = try reference.loadModel()
        var differs = 0
        for r in rows.indices {
            let want = try odd.predict(rows[r]).get()
            #expect(errors[r] == nil)
            #expect(out[r].bitPattern == want[0].bitPattern, "row \(r)")
            if try full.predict(rows[r]).get()[0] != want[0] { differs += 1 }
        }
        #expect(differs > rows.count / 2, "the dropped tree changes most answers")
    }
}
