/// The report's inline stylesheet (no external fonts or files).
enum ReportStyle {
    static let css = """
        body { font: 14px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222;
               margin: 0 auto; max-width: 960px; padding: 16px 24px 48px; background: #fff; }
        h1 { font-size: 22px; margin: 8px 0 4px; }
        h2 { font-size: 18px; margin: 32px 0 8px; padding-top: 8px; border-top: 1px solid #ddd; }
        h3 { font-size: 15px; margin: 18px 0 4px; }
        nav a { margin-right: 12px; color: #4e79a7; text-decoration: none; }
        p.note { color: #666; font-style: italic; margin: 4px 0; }
        p.lead { color: #444; margin: 4px 0 8px; }
        table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; }
        th, td { padding: 3px 10px 3px 0; text-align: left; border-bottom: 1px solid #eee; vertical-align: top; }
        td:last-child { overflow-wrap: anywhere; }
        th { border-bottom: 1px solid #bbb; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        code, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
        details pre { background: #f6f6f6; padding: 8px; overflow-x: auto; font-size: 12px; }
        svg.chart { display: block; margin: 4px 0 8px; max-width: 100%; height: auto; font-size: 11px; }
        svg.chart text { fill: #333; }
        svg.chart .grid { stroke: #e6e6e6; stroke-width: 1; }
        svg.chart .axis { stroke: #888; stroke-width: 1; }
        svg.chart .axis-label { font-size: 12px; fill: #555; }
        svg.chart .tick { fill: #666; }
        svg.chart .dot { opacity: 0; }
        svg.chart .dot:hover, svg.chart .dot.shown { opacity: 1; }
        svg.chart .series:hover polyline { stroke-width: 3; }
        svg.chart .bar:hover rect { opacity: 0.8; }
        svg.chart .mark-label, svg.chart .rule-label { font-size: 10px; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 8px 0; }
        dl.facts dt { color: #666; }
        dl.facts dd { margin: 0; }
        footer { margin-top: 40px; color: #888; font-size: 12px; }
        """
}
