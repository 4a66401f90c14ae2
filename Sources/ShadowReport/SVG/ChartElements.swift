/// A line of points drawn on a chart; non-finite values break the line.
public struct ChartSeries: Sendable {
    /// Legend and tooltip name.
    public var name: String
    /// (x, y) in domain values.
    public var points: [(x: Double, y: Double)]
    /// Stroke colour.
    public var color: String
    /// Whether the line is dashed.
    public var dashed: Bool
    /// Stroke width in pixels.
    public var width: Double

    /// A series.
    public init(name: String, points: [(x: Double, y: Double)], color: String, dashed: Bool = false, width: Double = 1.8) {
        self.name = name
        self.points = points
        self.color = color
        self.dashed = dashed
        self.width = width
    }
}

/// A shaded band between a low and a high line (a noise floor, a confidence interval).
public struct ChartBand: Sendable {
    /// Legend name.
    public var name: String
    /// (x, low, high) in domain values.
    public var points: [(x: Double, low: Double, high: Double)]
    /// Fill colour (drawn translucent).
    public var color: String

    /// A band.
    public init(name: String, points: [(x: Double, low: Double, high: Double)], color: String) {
        self.name = name
        self.points = points
        self.color = color
    }
}

/// A vertical mark at one x (a trigger, a retrain) with a tooltip; `row` staggers the small labels.
public struct ChartMark: Sendable {
    /// Domain x.
    public var x: Double
    /// Short label drawn at the top (may be empty).
    public var label: String
    /// Tooltip text.
    public var detail: String
    /// Colour.
    public var color: String

    /// A mark.
    public init(x: Double, label: String, detail: String, color: String) {
        self.x = x
        self.label = label
        self.detail = detail
        self.color = color
    }
}

/// A horizontal reference line (a threshold) with a label at the right end.
public struct ChartRule: Sendable {
    /// Domain y.
    public var y: Double
    /// Label.
    public var label: String
    /// Colour.
    public var color: String

    /// A rule.
    public init(y: Double, label: String, color: String) {
        self.y = y
        self.label = label
        self.color = color
    }
}
