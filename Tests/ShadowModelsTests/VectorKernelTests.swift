import Foundation
import ShadowCore
@testable import ShadowModels
import Testing

/// The sixteen-rows-at-a-time kernel (complete trees, permutes and gathers) against the scalar block walk: the same
/// bits for every row, on the fixtures' rows and on rows built to hit thresholds exactly, NaN and infinities.
@Suite struct VectorKernelTests {
    static let xgboost = ReferencePredictionTests.names.filter { $0.hasPrefix("xgb_") }

    static func model(_ name: String) throws -> XGBoostModel {
        try #require(try ReferenceFile.load(name).loadModel() as? XGBoostModel)
    }

    static func predict(_ model: XGBoostModel, _ rows: [[Double]]) -> [UInt64] {
        let width = model.task.outputWidth
        var out = [Double](repeating: -1, count: rows.count * width)
        var errors = [ModelErrorCode?](repeating: .failed, count: rows.count)
        out.withUnsafeMutableBufferPointer { o in
            errors.withUnsafeMutableBufferPointer { e in
                model.predict(rows: rows.count, withRow: { r, body in rows[r].withUnsafeBufferPointer(body) },
                              into: o, errors: e)
            }
        }
        #expect(errors.allSatisfy { $0 == nil })
        return out.map(\.bitPattern)
    }

    @Test(arguments: xgboost)
    func fixtureModelsUseTheKernelWhereTheCPUHasIt(_ name: String) throws {
        #expect(try Self.model(name).usesVectorKernel == XGBoostModel.vectorKernelAvailable)
        #expect(try Self.model(name).withoutVectorKernel.usesVectorKernel == false)
    }

    @Test(arguments: xgboost)
    func kernelEqualsTheScalarWalk(_ name: String) throws {
        let model = try Self.model(name)
        let scalar = model.withoutVectorKernel
        let rows = try ReferenceFile.load(name).numericRows
        for count in [1, 15, 16, 17, 33, rows.count] {
            let part = Array(rows.prefix(count))
            #expect(Self.predict(model, part) == Self.predict(scalar, part), "\(count) rows")
        }
    }

    /// Values equal to a split's threshold (which goes right), just below it, NaN (the default direction) and ±∞.
    @Test(arguments: xgboost)
    func thresholdsNaNAndInfinities(_ name: String) throws {
        let model = try Self.model(name)
        let thresholds = model.nodes.filter { $0.left >= 0 }.map { Double($0.value) }
        let n = model.featureNames.count
        var generator = SystemRandomNumberGenerator()
        let rows: [[Double]] = (0..<200).map { _ in
            (0..<n).map { _ in
                let t = thresholds.randomElement(using: &generator)!
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: return t
                case 1: return Double(Float(t).nextDown)
                case 2: return .nan
                case 3: return .infinity
                case 4: return -.infinity
                default: return Double.random(in: -3...3, using: &generator)
                }
            }
        }
        #expect(Self.predict(model, rows) == Self.predict(model.withoutVectorKernel, rows))
    }

    /// A leaf above the forest's depth is padded with splits that lead to copies of it (here trees of depth 8 and
    /// 4 and a lone leaf: nine trees, so eight go side by side and one alone); trees deeper than 8 levels
    /// are left to the scalar walk.
    @Test func layoutDepthLimit() throws {
        func chain(_ depth: Int) -> [XGBoostNode] {
            // Split k sends x < k left to a leaf, the rest right to split k + 1; the last right child is a leaf.
            var nodes: [XGBoostNode] = []
            for k in 0..<depth {
                nodes.append(XGBoostNode(threshold: Float(k), feature: 0, defaultLeft: k % 2 == 0, left: 2 * k + 1))
                nodes.append(XGBoostNode(leaf: Float(k)))
            }
            nodes.append(XGBoostNode(leaf: Float(depth)))
            // Siblings must be adjacent: left child at 2k+1 (a leaf), right child at 2k+2 (the next split).
            return nodes
        }
        #expect(XGBoostForest(nodes: chain(9), roots: [0], depths: [9], groups: [0]) == nil)
        let forest = XGBoostForest(nodes: chain(8), roots: [0], depths: [8], groups: [0])
        #expect(forest != nil)
        // Levels 0..7 hold 2^l thresholds and 2^l split words; then 256 leaves; then 16 words of padding.
        #expect(forest?.data.count == 2 * 255 + 256 + 16)
        let padded = XGBoostForest(nodes: chain(8) + chain(2), roots: [0, 17], depths: [8, 2], groups: [0, 0])
        let words: Int = 2 * 255 + 256
        #expect(padded?.data.count == 2 * words + 16, "the depth-2 tree is padded to depth 8")
        // Nine trees (chains, half chains, lone leaves) over levels read by permutes, masked loads and gathers.
        let nodes = chain(8) + chain(4) + [XGBoostNode(leaf: 0.25)]
        let fixed = (0..<4).map { k in
            XGBoostNode(threshold: Float(k), feature: 0, defaultLeft: k % 2 == 0, left: 17 + 2 * k + 1)
        }
        var shifted = nodes
        for k in 0..<4 { shifted[17 + 2 * k] = fixed[k] }
        let roots: [Int32] = [0, 17, 26, 17, 0, 26, 0, 17, 0]
        let depths: [Int32] = [8, 4, 0, 4, 8, 0, 8, 4, 8]
        let groups = [Int32](repeating: 0, count: roots.count)
        let model = XGBoostModel(featureNames: ["x"], task: .regression, link: .identity, nodes: shifted,
                                 roots: roots, groups: groups, depths: depths,
                                 baseMargins: [0.5], slots: [0])
        let vector = XGBoostModel(featureNames: ["x"], task: .regression, link: .identity, nodes: shifted,
                                  roots: roots, groups: groups, depths: depths,
                                  baseMargins: [0.5], slots: [0],
                                  forest: XGBoostForest(nodes: shifted, roots: roots, depths: depths, groups: groups))
        let rows: [[Double]] = (-2..<40).map { [$0 == 39 ? .nan : Double($0) / 4] }
        let want = rows.map { try! model.predict($0).get()[0].bitPattern }
        #expect(Self.predict(model, rows) == want)
        if XGBoostModel.vectorKernelAvailable { #expect(Self.predict(vector, rows) == want) }
        // x = 3.25: below split 4 of the chain (leaf 4), right through all four of the half chain (leaf 4), + 0.25.
        let sum: Double = 0.5 + 4 * 7 + 0.25 * 2
        #expect(try model.predict([3.25]).get() == [sum])
    }
}
