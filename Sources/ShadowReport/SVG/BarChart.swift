/// A horizontal bar chart (one labelled bar per row) with an optional reference line, e.g. lift = 1.
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable {
        /// The label left of the bar.
        public var label: String
        /// The bar's length in domain units.
        public var value: Double
        /// Tooltip text.
        public var detail: String

        /// A bar.
        public init(label: String, value: Double, detail: String) {
            self.label = label
            self.value = value
            self.detail = detail
        }
    }

    /// Unique id within the page.
    public var id: String
    /// The bars, top to bottom.
    public var bars: [Bar]
    /// The value axis caption.
    public var xLabel: String
    /// A vertical reference line (nil: none) and its caption.
    public var reference: (value: Double, label: String)?
    /// Bar colour.
    public var color: String
    /// Width in pixels.
    public var width: Double = 880

    let labelWidth = 300.0, right = 60.0, rowHeight = 22.0, top = 8.0, bottom = 40.0

    /// A bar chart.
    public init(id: String, bars: [Bar], xLabel: String, reference: (value: Double, label: String)? = nil,
                color: String = ChartPalette.color(0)) {
        self.id = id
        self.bars = bars
        self.xLabel = xLabel
        self.reference = reference
        self.color = color
    }

    /// The chart as an `<svg>` element.
    public var svg: String {
        let e = HTMLText.escape
        let height = top + Double(bars.count) * rowHeight + bottom
        let scale = LinearScale(covering: bars.map(\.value), including: [0] + (reference.map { [$0.value] } ?? []))
        let plotWidth = width - labelWidth - right
        func px(_ v: Double) -> Double { labelWidth + scale.fraction(of: v) * plotWidth }
        func f(_ v: Double) -> String { NumberFormat.trimmed(NumberFormat.fixed(v, 1)) }
        var out = "<svg class=\"chart bars\" id=\"\(e(id))\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) "
            + "\(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(e(xLabel))\">\n"
        let bottomY = top + Double(bars.count) * rowHeight
        for t in scale.ticks {
            out += "<line class=\"grid\" x1=\"\(f(px(t.value)))\" x2=\"\(f(px(t.value)))\" y1=\"\(f(top))\" "
                + "y2=\"\(f(bottomY))\"/><text class=\"tick\" x=\"\(f(px(t.value)))\" y=\"\(f(bottomY + 16))\" "
                + "text-anchor=\"middle\">\(e(t.label))</text>\n"
        }
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let x0 = px(0)
            let x1 = px(bar.value.isFinite ? bar.value : 0)
            let label = bar.label.count > 46 ? String(bar.label.prefix(45)) + "…" : bar.label
            out += "<g class=\"bar\"><title>\(e(bar.detail))</title><text class=\"bar-label\" x=\"\(f(labelWidth - 8))\" "
                + "y=\"\(f(y + 15))\" text-anchor=\"end\">\(e(label))</text><rect x=\"\(f(min(x0, x1)))\" y=\"\(f(y + 4))\" "
                + "width=\"\(f(abs(x1 - x0)))\" height=\"\(f(rowHeight - 8))\" fill=\"\(e(color))\"/>"
                + "<text class=\"bar-value\" x=\"\(f(max(x0, x1) + 4))\" y=\"\(f(y + 15))\">"
                + "\(e(scale.describe(bar.value)))</text></g>\n"
        }
        if let reference {
            let xx = px(reference.value)
            out += "<line class=\"rule\" x1=\"\(f(xx))\" x2=\"\(f(xx))\" y1=\"\(f(top))\" y2=\"\(f(bottomY))\" "
                + "stroke=\"#555\" stroke-dasharray=\"5 3\"><title>\(e(reference.label))</title></line>\n"
        }
        out += "<line class=\"axis\" x1=\"\(f(labelWidth))\" x2=\"\(f(labelWidth))\" y1=\"\(f(top))\" y2=\"\(f(bottomY))\"/>"
        out += "<text class=\"axis-label\" x=\"\(f(labelWidth + plotWidth / 2))\" y=\"\(f(height - 6))\" "
            + "text-anchor=\"middle\">\(e(xLabel))</text>\n"
        return out + "</svg>"
    }
}
