import Foundation
import ShadowCore
import Testing
@testable import ShadowDrift

/// Every value of fixtures/drift/drift-values.json that names a statistic this target implements, window by window.
@Suite struct ReferenceValuesTests {
    @Test func streamsAreTheReferencedBytes() {
        let streams = ReferenceFixtures.values["streams"] as! [String: [String: Any]]
        for (_, stream) in streams {
            let data = ReferenceFixtures.bytes(stream["file"] as! String)
            #expect(data.count == stream["bytes"] as! Int)
            #expect(SHA256.hex([UInt8](data)) == stream["sha256"] as! String)
        }
    }

    @Test(arguments: ReferenceFixtures.windows.filter { $0["type"] as! String == "num" }.map { $0["id"] as! String })
    func numericWindow(_ id: String) throws {
        let w = ReferenceFixtures.windows.first { $0["id"] as! String == id }!
        let file = w["file"] as! String, feature = w["feature"] as! String
        let ref = ReferenceFixtures.numbers(file, feature, w["ref"] as! [Int])
        let cur = ReferenceFixtures.numbers(file, feature, w["cur"] as! [Int])
        let v = w["values"] as! [String: Any]
        var tally = ErrorTally()
        func expectClose(_ actual: Double, _ expected: Any?, _ name: String) {
            let e = (expected as! NSNumber).doubleValue
            let ok = tally.check(actual, e)
            #expect(ok, "\(id) \(name): \(actual) vs \(e)")
        }

        let ks = v["ks"] as! [String: Any]
        let result = KolmogorovSmirnov.test(ref, cur)
        #expect(result.method == .exact)
        #expect(result.n1 == ks["n_ref"] as! Int && result.n2 == ks["n_cur"] as! Int)
        expectClose(result.statistic, ks["statistic"], "ks.statistic")
        expectClose(result.statistic, ks["statistic_explicit"], "ks.statistic_explicit")
        expectClose(result.effectiveN, ks["en"], "ks.en")
        expectClose(result.pValue, ks["pvalue_scipy_auto"], "ks.pvalue_scipy_auto")
        expectClose(result.pValue, ks["pvalue_exact_equal_n_port"], "ks.pvalue_exact_equal_n_port")
        let asymptotic = KolmogorovSmirnov.test(ref, cur, method: .asymptotic)
        expectClose(asymptotic.pValue, ks["pvalue_scipy_asymp"], "ks.pvalue_scipy_asymp")
        let d = result.statistic, n1 = ref.count, n2 = cur.count
        expectClose(KolmogorovSmirnov.kolmogorovLimitPValue(statistic: d, n1: n1, n2: n2),
                    ks["pvalue_kolmogorov_limit"], "ks.pvalue_kolmogorov_limit")
        expectClose(KolmogorovSmirnov.numericalRecipesPValue(statistic: d, n1: n1, n2: n2),
                    ks["pvalue_numerical_recipes"], "ks.pvalue_numerical_recipes")

        let was = v["wasserstein"] as! [String: Any]
        expectClose(Wasserstein.distance(ref, cur), was["raw"], "wasserstein.raw")
        expectClose(Moments.standardDeviation(ref), was["ref_std_ddof0"], "wasserstein.ref_std_ddof0")
        expectClose(Wasserstein.normalized(reference: ref, current: cur), was["evidently_normed"], "wasserstein.normed")

        let eb = v["evidently_binning"] as! [String: Any]
        let sturges = PSI.compute(reference: ref, current: cur, binning: .sturges)
        guard case .uniform(let edges) = sturges.bins else { Issue.record("not uniform"); return }
        #expect(edges.count == eb["n_bins"] as! Int)
        zip(edges.edges, eb["edges"] as! [Double]).forEach { expectClose($0, $1, "edges") }
        zip(sturges.referenceShares, eb["ref_share"] as! [Double]).forEach { expectClose($0, $1, "ref_share") }
        zip(sturges.currentShares, eb["cur_share"] as! [Double]).forEach { expectClose($0, $1, "cur_share") }
        expectClose(PSI.evidentlyFillValue(sturges.referenceShares), eb["zero_fill_ref"], "zero_fill_ref")
        expectClose(PSI.evidentlyFillValue(sturges.currentShares), eb["zero_fill_cur"], "zero_fill_cur")
        #expect(sturges.referenceShares.filter { $0 == 0 }.count == eb["empty_bins_ref"] as! Int)
        #expect(sturges.currentShares.filter { $0 == 0 }.count == eb["empty_bins_cur"] as! Int)
        expectClose(sturges.value, v["psi_evidently"], "psi_evidently")
        expectClose(JensenShannon.sturges(reference: ref, current: cur, base: .e), v["js_evidently_base_e"], "js_e")
        expectClose(JensenShannon.sturges(reference: ref, current: cur, base: .two), v["js_evidently_base_2"], "js_2")

        let qb = v["quantile10_binning"] as! [String: Any]
        let quantile = PSI.compute(reference: ref, current: cur, binning: .deciles)
        guard case .inner(let inner) = quantile.bins else { Issue.record("not inner"); return }
        zip(inner, qb["inner_edges"] as! [Double]).forEach { expectClose($0, $1, "inner_edges") }
        zip(quantile.referenceShares, qb["ref_share"] as! [Double]).forEach { expectClose($0, $1, "q.ref_share") }
        zip(quantile.currentShares, qb["cur_share"] as! [Double]).forEach { expectClose($0, $1, "q.cur_share") }
        expectClose(quantile.value, v["psi_quantile10_eps1e-4"], "psi_quantile10")
        expectClose(JensenShannon.referenceQuantiles(reference: ref, current: cur), v["js_quantile10_base_2"], "js_q10")
        expectClose(PSI.compute(reference: ref, current: cur, binning: .equalWidth(bins: 10)).value,
                    v["psi_frouros_equalwidth10_dblmin"], "psi_frouros")
        let doane = JensenShannon.doane(reference: ref, current: cur)
        #expect(doane.bins == v["nannyml_doane_n_bins"] as! Int)
        expectClose(doane.distance, v["js_nannyml_doane_base_2"], "js_nannyml_doane")

        let ev = w["evidently"] as! [String: Any]
        expectClose(sturges.value, (ev["psi"] as! [String: Any])["score"], "evidently.psi")
        expectClose(result.pValue, (ev["ks"] as! [String: Any])["score"], "evidently.ks")
        ReferenceReport.record(id, tally)
    }

    @Test func categoricalWindows() {
        for w in ReferenceFixtures.windows where w["type"] as! String == "cat" {
            let id = w["id"] as! String
            let file = w["file"] as! String, feature = w["feature"] as! String
            let v = w["values"] as! [String: Any]
            let categories = v["categories"] as! [String]
            let ref = ReferenceFixtures.strings(file, feature, w["ref"] as! [Int])
            let cur = ReferenceFixtures.strings(file, feature, w["cur"] as! [Int])
            var refSummary = CategorySummary(), curSummary = CategorySummary()
            ref.forEach { refSummary.add($0) }
            cur.forEach { curSummary.add($0) }
            let aligned = CategorySummary.aligned(reference: refSummary, current: curSummary)
            let r = (categories: aligned.categories, counts: aligned.reference), c = aligned.current
            #expect(r.categories == categories)
            #expect(r.counts == v["ref_counts"] as! [Int])
            #expect(c == v["cur_counts"] as! [Int])
            var tally = ErrorTally()
            func expectClose(_ actual: Double, _ expected: Any?, _ name: String) {
                let e = (expected as! NSNumber).doubleValue
                let ok = tally.check(actual, e)
            #expect(ok, "\(id) \(name): \(actual) vs \(e)")
            }
            let gof = ChiSquare.goodnessOfFit(referenceCounts: r.counts, currentCounts: c)
            let g = v["chi2_gof_evidently"] as! [String: Any]
            expectClose(gof.statistic, g["statistic"], "chi2_gof.statistic")
            expectClose(gof.statistic, g["statistic_explicit"], "chi2_gof.statistic_explicit")
            expectClose(gof.pValue, g["pvalue"], "chi2_gof.pvalue")
            expectClose(gof.pValue, g["pvalue_gammaincc"], "chi2_gof.pvalue_gammaincc")
            #expect(gof.dof == g["dof"] as! Int)
            for (key, yates) in [("chi2_contingency_yates_true", true), ("chi2_contingency_yates_false", false)] {
                let t = ChiSquare.contingency(referenceCounts: r.counts, currentCounts: c, yates: yates)
                let e = v[key] as! [String: Any]
                expectClose(t.statistic, e["statistic"], "\(key).statistic")
                expectClose(t.pValue, e["pvalue"], "\(key).pvalue")
                #expect(t.dof == e["dof"] as! Int)
            }
            expectClose(PSI.categorical(referenceCounts: r.counts, currentCounts: c), v["psi_evidently"], "psi")
            expectClose(CategoryDistance.jensenShannon(referenceCounts: r.counts, currentCounts: c, base: .e), v["js_base_e"], "js_e")
            expectClose(CategoryDistance.jensenShannon(referenceCounts: r.counts, currentCounts: c, base: .two), v["js_base_2"], "js_2")
            expectClose(CategoryDistance.lInfinity(referenceCounts: r.counts, currentCounts: c), v["l_infinity"], "l_infinity")
            let ev = w["evidently"] as! [String: Any]
            expectClose(gof.pValue, (ev["chisquare"] as! [String: Any])["score"], "evidently.chisquare")
            ReferenceReport.record(id, tally)
        }
    }
}

/// Prints the worst errors per window (visible with `swift test` output) so the report can quote them.
enum ReferenceReport {
    static func record(_ id: String, _ tally: ErrorTally) {
        print("drift-values \(id): \(tally.compared) values, max abs error \(tally.maxAbsolute), max rel error \(tally.maxRelative)")
    }
}
