/// An SVG line chart: gridlines and labelled ticks from its scales, translucent bands, lines with hover tooltips
/// (SVG `<title>`, no script), vertical marks, horizontal rules and a legend. Every text is escaped.
public struct LineChart: Sendable {
    /// Unique id within the page (used for the clip path).
    public var id: String
    /// The x scale.
    public var x: any ChartScale
    /// The y scale.
    public var y: any ChartScale
    /// The x axis caption.
    public var xLabel: String
    /// The y axis caption.
    public var yLabel: String
    /// Lines.
    public var series: [ChartSeries] = []
    /// Bands, drawn under the lines.
    public var bands: [ChartBand] = []
    /// Vertical marks.
    public var marks: [ChartMark] = []
    /// Horizontal rules.
    public var rules: [ChartRule] = []
    /// Width and height in pixels.
    public var width: Double = 880
    /// Height in pixels.
    public var height: Double = 300
    /// Points with a hover dot per series at most (more points: the line only).
    public var maxDots = 240

    let left = 68.0, right = 24.0, top = 30.0, bottom = 44.0

    /// A chart on two scales.
    public init(id: String, x: any ChartScale, y: any ChartScale, xLabel: String, yLabel: String) {
        self.id = id
        self.x = x
        self.y = y
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }
    func px(_ v: Double) -> Double { left + x.fraction(of: v) * plotWidth }
    func py(_ v: Double) -> Double { top + (1 - y.fraction(of: v)) * plotHeight }

    /// The chart as an `<svg>` element.
    public var svg: String {
        let e = HTMLText.escape
        var out = "<svg class=\"chart\" id=\"\(e(id))\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" "
            + "aria-label=\"\(e(yLabel)) by \(e(xLabel))\">\n"
        out += "<defs><clipPath id=\"\(e(id))-clip\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" "
            + "height=\"\(f(plotHeight))\"/></clipPath></defs>\n"
        out += axes()
        out += "<g clip-path=\"url(#\(e(id))-clip)\">\n"
        for band in bands { out += bandPath(band) }
        for rule in rules {
            let yy = py(rule.y)
            out += "<line class=\"rule\" x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(yy))\" y2=\"\(f(yy))\" "
                + "stroke=\"\(e(rule.color))\" stroke-dasharray=\"6 4\"><title>\(e(rule.label))</title></line>\n"
        }
        for mark in marks {
            let xx = px(mark.x)
            out += "<line class=\"mark\" x1=\"\(f(xx))\" x2=\"\(f(xx))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\" "
                + "stroke=\"\(e(mark.color))\" stroke-width=\"1.2\" opacity=\"0.75\"><title>\(e(mark.detail))</title></line>\n"
        }
        for s in series { out += line(s) }
        out += "</g>\n"
        for rule in rules {
            out += "<text class=\"rule-label\" x=\"\(f(left + plotWidth - 4))\" y=\"\(f(py(rule.y) - 4))\" "
                + "text-anchor=\"end\" fill=\"\(e(rule.color))\">\(e(rule.label))</text>\n"
        }
        for (i, mark) in marks.enumerated() where !mark.label.isEmpty {
            out += "<text class=\"mark-label\" x=\"\(f(px(mark.x) + 3))\" y=\"\(f(top + 11 + Double(i % 3) * 11))\" "
                + "fill=\"\(e(mark.color))\"><title>\(e(mark.detail))</title>\(e(mark.label))</text>\n"
        }
        out += legend()
        return out + "</svg>"
    }

    func axes() -> String {
        let e = HTMLText.escape
        var out = "<g class=\"axes\">\n"
        for t in y.ticks {
            let yy = py(t.value)
            guard yy >= top - 0.5, yy <= top + plotHeight + 0.5 else { continue }
            out += "<line class=\"grid\" x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(yy))\" y2=\"\(f(yy))\"/>"
                + "<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(yy + 4))\" text-anchor=\"end\">\(e(t.label))</text>\n"
        }
        for t in x.ticks {
            let xx = px(t.value)
            guard xx >= left - 0.5, xx <= left + plotWidth + 0.5 else { continue }
            out += "<line class=\"grid\" x1=\"\(f(xx))\" x2=\"\(f(xx))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\"/>"
                + "<text class=\"tick\" x=\"\(f(xx))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">"
                + "\(e(t.label))</text>\n"
        }
        out += "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(top + plotHeight))\" "
            + "y2=\"\(f(top + plotHeight))\"/><line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" "
            + "y2=\"\(f(top + plotHeight))\"/>\n"
        out += "<text class=\"axis-label\" x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 6))\" "
            + "text-anchor=\"middle\">\(e(xLabel))</text>\n"
        out += "<text class=\"axis-label\" transform=\"translate(14 \(f(top + plotHeight / 2))) rotate(-90)\" "
            + "text-anchor=\"middle\">\(e(yLabel))</text>\n"
        return out + "</g>\n"
    }

    func line(_ s: ChartSeries) -> String {
        let e = HTMLText.escape
        var segments: [[(Double, Double)]] = [[]]
        for p in s.points {
            if p.x.isFinite && p.y.isFinite { segments[segments.count - 1].append((px(p.x), py(p.y))) }
            else if !(segments.last?.isEmpty ?? true) { segments.append([]) }
        }
        let dash = s.dashed ? " stroke-dasharray=\"5 3\"" : ""
        var out = "<g class=\"series\" data-name=\"\(e(s.name))\"><title>\(e(s.name))</title>\n"
        for seg in segments where !seg.isEmpty {
            let pts = seg.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
            out += "<polyline fill=\"none\" stroke=\"\(e(s.color))\" stroke-width=\"\(f(s.width))\"\(dash) "
                + "stroke-linejoin=\"round\" points=\"\(pts)\"/>\n"
        }
        let finite = s.points.filter { $0.x.isFinite && $0.y.isFinite }
        if finite.count <= maxDots {
            // Few points: the dots stay visible (a lone point has no line to show it).
            let dotClass = finite.count <= 12 ? "dot shown" : "dot"
            for p in finite {
                out += "<circle class=\"\(dotClass)\" cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"2.2\" fill=\"\(e(s.color))\">"
                    + "<title>\(e(s.name)): \(e(y.describe(p.y))) at \(e(x.describe(p.x)))</title></circle>\n"
            }
        }
        return out + "</g>\n"
    }

    func bandPath(_ band: ChartBand) -> String {
        let pts = band.points.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }
        guard !pts.isEmpty else { return "" }
        // A lone point gets a band 12 px wide, so it still shows.
        let spread: [(x: Double, low: Double, high: Double, dx: Double)] = pts.count == 1
            ? [(pts[0].x, pts[0].low, pts[0].high, -6), (pts[0].x, pts[0].low, pts[0].high, 6)]
            : pts.map { ($0.x, $0.low, $0.high, 0) }
        let upper = spread.map { "\(f(px($0.x) + $0.dx)),\(f(py($0.high)))" }
        let lower = spread.reversed().map { "\(f(px($0.x) + $0.dx)),\(f(py($0.low)))" }
        return "<polygon class=\"band\" fill=\"\(HTMLText.escape(band.color))\" fill-opacity=\"0.18\" stroke=\"none\" "
            + "points=\"\((upper + lower).joined(separator: " "))\"><title>\(HTMLText.escape(band.name))</title></polygon>\n"
    }

    func legend() -> String {
        let e = HTMLText.escape
        var items: [(String, String, String)] = series.map { ($0.name, $0.color, "line") }
        items += bands.map { ($0.name, $0.color, "band") }
        var out = "<g class=\"legend\">"
        var xx = left
        for (name, color, kind) in items {
            if kind == "line" {
                out += "<line x1=\"\(f(xx))\" x2=\"\(f(xx + 18))\" y1=\"14\" y2=\"14\" stroke=\"\(e(color))\" stroke-width=\"3\"/>"
            } else {
                out += "<rect x=\"\(f(xx))\" y=\"8\" width=\"18\" height=\"12\" fill=\"\(e(color))\" fill-opacity=\"0.25\"/>"
            }
            out += "<text x=\"\(f(xx + 22))\" y=\"18\">\(e(name))</text>"
            xx += 30 + Double(name.count) * 6.6
            if xx > width - 80 { break }
        }
        return out + "</g>\n"
    }

    /// One decimal, no trailing `.0` (keeps the SVG small).
    func f(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        return NumberFormat.trimmed(NumberFormat.fixed(v, 1))
    }
}
