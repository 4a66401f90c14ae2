import Foundation
import Testing
@testable import ShadowDrift

/// KS and χ² paths the reference windows do not reach, against scipy 1.17.1 (fixtures/drift/ks-cases.json,
/// written by scripts/drift/ks_cases.py): unequal sizes, the asymptotic switch, every branch of `kstwo.sf`.
@Suite struct KolmogorovSmirnovTests {
    nonisolated(unsafe) static let doc: [String: Any] = {
        let data = try! Data(contentsOf: ReferenceFixtures.directory.appendingPathComponent("ks-cases.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func close(_ actual: Double, _ expected: Double) -> Bool {
        expected != 0 && abs(expected) < 1e-6 ? abs(actual - expected) <= abs(expected) * 1e-6 : abs(actual - expected) <= 1e-9
    }

    @Test(arguments: (doc["cases"] as! [[String: Any]]).map { $0["name"] as! String })
    func twoSampleMatchesScipy(_ name: String) {
        let c = (Self.doc["cases"] as! [[String: Any]]).first { $0["name"] as! String == name }!
        let a = (c["a"] as! [NSNumber]).map(\.doubleValue), b = (c["b"] as! [NSNumber]).map(\.doubleValue)
        let r = KolmogorovSmirnov.test(a, b, method: KSMethod(rawValue: c["method"] as! String)!)
        #expect(r.method.rawValue == c["used"] as! String)
        #expect(Self.close(r.statistic, (c["statistic"] as! NSNumber).doubleValue))
        let p = (c["pvalue"] as! NSNumber).doubleValue
        #expect(Self.close(r.pValue, p), "\(name): \(r.pValue) vs scipy \(p)")
    }

    @Test func twoSidedLawMatchesScipy() {
        for c in Self.doc["kstwo"] as! [[String: Any]] {
            let n = c["n"] as! Int, x = (c["x"] as! NSNumber).doubleValue, sf = (c["sf"] as! NSNumber).doubleValue
            let mine = Kolmogorov.twoSidedSF(n: n, x)
            #expect(Self.close(mine, sf), "kstwo.sf(\(x), \(n)) = \(mine), scipy \(sf)")
        }
    }

    @Test func chiSquareMatchesScipy() {
        for c in Self.doc["chi2"] as! [[String: Any]] {
            let x = (c["x"] as! NSNumber).doubleValue, dof = c["dof"] as! Int, sf = (c["sf"] as! NSNumber).doubleValue
            #expect(Self.close(ChiSquare.pValue(x, dof: dof), sf), "chi2 sf(\(x), \(dof))")
        }
        let y = Self.doc["yates_2x2"] as! [String: Any]
        let r = ChiSquare.contingency(referenceCounts: y["ref"] as! [Int], currentCounts: y["cur"] as! [Int])
        #expect(r.dof == 1)
        #expect(Self.close(r.statistic, (y["statistic"] as! NSNumber).doubleValue))
        #expect(Self.close(r.pValue, (y["pvalue"] as! NSNumber).doubleValue))
    }
}
