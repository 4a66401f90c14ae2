import Testing
@testable import ShadowReport

@Suite struct ChartScaleTests {
    @Test func linearScaleMapsBetweenOuterTicks() {
        let s = LinearScale(covering: [3, 97])
        #expect(s.fraction(of: 0) == 0)
        #expect(s.fraction(of: 100) == 1)
        #expect(s.fraction(of: 50) == 0.5)
        #expect(s.ticks.map(\.label) == ["0", "20", "40", "60", "80", "100"])
        let percent = LinearScale(lower: 0, upper: 0.1, percent: true)
        #expect(percent.ticks.map(\.label) == ["0%", "2%", "4%", "6%", "8%", "10%"])
        #expect(LinearScale(lower: 0, upper: 20, unit: " s").ticks.last?.label == "20 s")
    }

    @Test func percentileAxisIsHdrHistograms() {
        let s = PercentileScale(nines: 3)
        #expect(s.ticks.map(\.label) == ["0%", "90%", "99%", "99.9%"])
        #expect(s.fraction(of: 0) == 0)
        #expect(abs(s.fraction(of: 90) - 1.0 / 3) < 1e-12)
        #expect(abs(s.fraction(of: 99) - 2.0 / 3) < 1e-12)
        #expect(abs(s.fraction(of: 99.9) - 1) < 1e-12)
        #expect(s.fraction(of: 100) == 1)
        #expect(PercentileScale(nines: 5).ticks.last?.label == "99.999%")
        #expect(PercentileScale(count: 12_000).nines == 4)
        #expect(PercentileScale(count: 50).nines == 2)
        #expect(PercentileScale(count: 1000).nines == 3)
    }

    @Test func logScaleHasDecades() {
        let s = LogScale(covering: [0.0003, 0.5])
        #expect(s.ticks.map(\.label) == ["0.0001", "0.001", "0.01", "0.1", "1"])
        #expect(abs(s.fraction(of: 0.01) - 0.5) < 1e-12)
        #expect(s.fraction(of: 0) == 0)
        #expect(LogScale(covering: [1e-9, 1]).ticks.first?.label == "1e-9")
    }

    @Test func timeScaleTicksAtRoundInstants() {
        let start = 1_740_960_000_000.0  // 2025-03-03T00:00:00Z
        let s = TimeScale(lower: start + 600_000, upper: start + 6 * 3_600_000 - 60_000)
        #expect(s.stepSeconds == 3600)
        #expect(s.ticks.map(\.label) == ["03-03 01:00", "02:00", "03:00", "04:00", "05:00"])
        let days = TimeScale(lower: start, upper: start + 5 * 86_400_000)
        #expect(days.ticks.first?.label == "03-03")
        #expect(s.describe(start) == "2025-03-03 00:00:00")
        let seconds = TimeScale(lower: start, upper: start + 20_000)
        #expect(seconds.ticks.first?.label == "03-03 00:00:00")
    }

    @Test func escapingCoversTextAndAttributes() {
        #expect(HTMLText.escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("plain é ✓") == "plain é ✓")
        #expect(HTMLText.escape("a\u{1}b\tc") == "ab\tc")
        let table = HTMLTable(columns: ["<th>"], rows: [["<td>&"]]).html
        #expect(table.contains("&lt;th&gt;") && table.contains("&lt;td&gt;&amp;") && !table.contains("<td><td>"))
    }

    @Test func lineChartEscapesAndDraws() {
        var chart = LineChart(id: "c\"1", x: LinearScale(covering: [0, 10]), y: LinearScale(covering: [0, 1]),
                              xLabel: "x <s>", yLabel: "y & z")
        chart.series = [ChartSeries(name: "<script>alert(1)</script>", points: [(0, 0), (5, .nan), (6, 0.5), (10, 1)],
                                    color: "red")]
        chart.bands = [ChartBand(name: "band", points: [(0, 0.1, 0.2), (10, 0.1, 0.2)], color: "blue")]
        chart.marks = [ChartMark(x: 5, label: "alert", detail: "rule \"r\" fired", color: "#c00")]
        chart.rules = [ChartRule(y: 0.5, label: "level 0.5", color: "#c00")]
        let svg = chart.svg
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("id=\"c&quot;1\""))
        #expect(svg.contains("x &lt;s&gt;") && svg.contains("y &amp; z"))
        // The NaN splits the line into two polylines; the band is one polygon; the mark and rule are drawn.
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 1)
        #expect(svg.contains("class=\"mark\"") && svg.contains("rule &quot;r&quot; fired"))
        #expect(svg.contains("level 0.5"))
        // Pixel mapping: x 0 at the left margin, y 1 at the top margin.
        #expect(svg.contains("points=\"68,256\"") && svg.contains("points=\"540.8,143 856,30\""))
    }

    @Test func barChartShowsReference() {
        let svg = BarChart(id: "b", bars: [.init(label: "plan = <pro>", value: 7.5, detail: "d")], xLabel: "lift",
                           reference: (1, "no lift")).svg
        #expect(svg.contains("plan = &lt;pro&gt;"))
        #expect(svg.contains("class=\"rule\""))
        #expect(svg.contains(">7.5</text>"))
    }
}
