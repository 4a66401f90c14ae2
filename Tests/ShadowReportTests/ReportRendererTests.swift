import Foundation
import Testing
@testable import ShadowReport

@Suite struct ReportRendererTests {
    /// The `<section id=…>` element's text.
    static func section(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\">") else { return "" }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    @Test func fullRunHasEverySectionWithItsNumbers() throws {
        let (db, path) = try ReportFixture.make()
        defer { db.close(); try? FileManager.default.removeItem(atPath: path) }
        let report = try ReportLoader(db: db).load(run: 1, backtest: .automatic)
        let html = ReportRenderer(report: report, generatedAt: "now").html
        for (id, _) in ReportRenderer.sections {
            let body = Self.section(id, in: html)
            #expect(!body.isEmpty, "section \(id)")
            #expect(!body.contains("class=\"note\">No "), "section \(id) should have data")
        }
        #expect(!html.contains("<script"))
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        // Escaped model name everywhere it appears; never raw.
        #expect(!html.contains("cand<i>") && html.contains("cand&lt;i&gt;"))
        let summary = Self.section("summary", in: html)
        #expect(summary.contains("<dd>12000</dd>") && summary.contains("<dd>3000</dd>"))
        let latency = Self.section("latency", in: html)
        #expect(latency.contains("id=\"latency-percentiles\""))
        #expect(latency.contains(">99.9%</text>"))  // 1,000 values: the axis reaches three nines
        let stored = try #require(report.latency.first)
        #expect(stored.model == "champion" && stored.curve?.count == 1000)
        #expect(latency.contains("<tr><td>champion</td><td>champion</td><td class=\"num\">1000</td><td class=\"num\">0</td>"
                                 + "<td class=\"num\">\(NumberFormat.short(stored.p50))</td>"))
        #expect(abs(stored.p50 - 5.0) < 0.01)
        let rates = Self.section("disagreements", in: html)
        #expect(rates.contains("noise floor (95%)") && rates.contains("<polygon class=\"band\""))
        // score_delta: 90+90+300+90 = 570 of 12,000 compared; one interval above its band.
        #expect(rates.contains("<td>score_delta</td><td class=\"num\">12000</td><td class=\"num\">570</td>"
                               + "<td class=\"num\">4.750%</td><td class=\"num\">1</td>"))
        let features = Self.section("features", in: html)
        // plan = pro: 30 of 40 disagreements on 10% of records: lift 7.5, first.
        #expect(features.contains("<td>plan</td><td>pro</td><td class=\"num\">7.50</td><td class=\"num\">75.0%</td>"))
        #expect(features.range(of: "plan")!.lowerBound < features.range(of: "age")!.lowerBound)
        let drift = Self.section("drift", in: html)
        #expect(drift.contains("<h3>psi</h3>") && drift.contains("<h3>ks_pvalue</h3>"))
        #expect(drift.contains("class=\"mark\"") && drift.contains("level 0.001"))
        #expect(drift.contains("<td>feature-shift</td><td>alert</td>"))
        let manifest = Self.section("manifest", in: html)
        #expect(manifest.contains("0123456789abcdef0123456789abcdef") && manifest.contains("<th>xxh128</th>"))
        #expect(manifest.contains("<dd>42</dd>") && manifest.contains("constant 500/s"))
        #expect(manifest.contains("<td>shift</td>") && manifest.contains("path = &quot;&lt;x&gt;.db&quot;"))
        let backtest = Self.section("backtest", in: html)
        #expect(backtest.contains("bt-1") && backtest.contains("id=\"backtest-chart\""))
        #expect(backtest.contains("<td class=\"num\">1</td><td>drift-trigger</td><td class=\"num\">0.8300</td>"))
        #expect(backtest.contains("drift-trigger retrained at 2025-03-03 08:20:00"))
    }

    @Test func absentSectionsBecomeNotes() throws {
        let (db, path) = try ReportFixture.make()
        defer { db.close(); try? FileManager.default.removeItem(atPath: path) }
        let report = try ReportLoader(db: db).load(run: 2, backtest: .automatic)
        let html = ReportRenderer(report: report).html
        #expect(Self.section("latency", in: html).contains("No latency rows for this run."))
        #expect(Self.section("throughput", in: html).contains("No timeline rows for this run."))
        #expect(Self.section("drift", in: html).contains("drift monitoring was off"))
        #expect(Self.section("manifest", in: html).contains("has no manifest"))
        #expect(Self.section("backtest", in: html).contains("No backtest replayed this run"))
        #expect(Self.section("summary", in: html).contains("<dd>running</dd>"))
    }

    @Test func backtestChoices() throws {
        let (db, path) = try ReportFixture.make()
        defer { db.close(); try? FileManager.default.removeItem(atPath: path) }
        let loader = ReportLoader(db: db)
        #expect(try loader.load(run: 2, backtest: .id("latest")).backtest?.id == "bt-1")
        #expect(try loader.load(run: 1, backtest: .none).backtest == nil)
        let alone = try loader.load(run: nil, backtest: .id("bt-1"))
        #expect(alone.run == nil && alone.backtest?.strategies.map(\.name) == ["drift-trigger", "never"])
        #expect(throws: ReportLoader.Failure.self) { try loader.load(run: nil, backtest: .id("bt-none")) }
        #expect(throws: ReportLoader.Failure.self) { try loader.load(run: 9, backtest: .automatic) }
        #expect(ReportLoader.normalized("/home/u//data/./x/../traffic.jsonl") == "/data/traffic.jsonl")
    }
}
