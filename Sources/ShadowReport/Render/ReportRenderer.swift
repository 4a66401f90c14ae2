/// Renders a `RunReport` as one self-contained HTML page: inline CSS and SVG, no script, no network.
/// Every string from the database is escaped; a section whose data is absent becomes a heading and a one-line note.
public struct ReportRenderer: Sendable {
    /// The report to render.
    public var report: RunReport
    /// When the page was made (shown in the footer), or nil.
    public var generatedAt: String?
    /// How many features the lift chart shows per shadow.
    public var topFeatures = 10

    /// A renderer of `report`.
    public init(report: RunReport, generatedAt: String? = nil) {
        self.report = report
        self.generatedAt = generatedAt
    }

    /// The section ids in page order, with their headings.
    public static let sections: [(id: String, title: String)] = [
        ("summary", "Run"), ("latency", "Latency"), ("throughput", "Throughput over time"),
        ("disagreements", "Disagreement rate over time"), ("features", "Where shadows disagree"),
        ("drift", "Drift"), ("manifest", "Run manifest"), ("backtest", "Backtest"),
    ]

    /// The whole page.
    public var html: String {
        let title = report.run.map { "shadowd report — run \($0.id)" }
            ?? "shadowd report — backtest \(report.backtest?.id ?? "")"
        var body = "<h1>\(e(title))</h1>\n<nav>"
        body += Self.sections.map { "<a href=\"#\($0.id)\">\(e($0.title))</a>" }.joined()
        body += "</nav>\n"
        body += summary() + latency() + throughput() + disagreements() + features() + drift() + manifest() + backtest()
        body += "<footer>Written by shadowctl report\(generatedAt.map { " at " + e($0) } ?? ""). "
            + "Self-contained: inline SVG and CSS, no script or network. Hover a line or point for its values.</footer>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// `<section id=…>` with its heading and content.
    func section(_ id: String, _ content: String) -> String {
        let title = Self.sections.first { $0.id == id }?.title ?? id
        return "<section id=\"\(e(id))\">\n<h2>\(e(title))</h2>\n\(content)</section>\n"
    }

    /// A section holding only a one-line note (its data is absent from the database).
    func absent(_ id: String, _ note: String) -> String {
        section(id, "<p class=\"note\">\(e(note))</p>\n")
    }

    func e(_ text: String) -> String { HTMLText.escape(text) }

    /// A definition list of label/value pairs (values escaped).
    func facts(_ pairs: [(String, String)]) -> String {
        "<dl class=\"facts\">" + pairs.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>" }.joined() + "</dl>\n"
    }

    func summary() -> String {
        guard let run = report.run else { return absent("summary", "This report shows a backtest alone (no run).") }
        var pairs: [(String, String)] = [("status", run.status), ("started", run.startedAt),
                                         ("finished", run.finishedAt ?? "-")]
        pairs.append(("records", run.records.map(String.init) ?? "-"))
        pairs.append(("rejected lines", run.rejects.map(String.init) ?? "-"))
        if let seconds = run.seconds {
            pairs.append(("wall time", NumberFormat.fixed(seconds, 2) + " s"))
            if let records = run.records, seconds > 0 {
                pairs.append(("records/s", NumberFormat.fixed(Double(records) / seconds, 0)))
            }
        }
        pairs.append(("config", run.configPath))
        pairs.append(("inputs", run.inputs.joined(separator: ", ")))
        pairs.append(("models", report.models.map { "\($0.name) (\($0.role))" }.joined(separator: ", ")))
        return section("summary", facts(pairs))
    }

    /// A number for a table cell with `decimals` digits (or `-`).
    func num(_ value: Double?, _ decimals: Int) -> String { value.map { NumberFormat.fixed($0, decimals) } ?? "-" }
}
