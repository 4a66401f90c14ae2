/// A plain HTML table whose cells are escaped text; numeric columns are right-aligned.
public struct HTMLTable: Sendable {
    /// Column headings.
    public var columns: [String]
    /// Cell text, row by row (escaped when rendered).
    public var rows: [[String]]
    /// Indexes of the columns aligned right (numbers).
    public var numeric: Set<Int>

    /// A table of `columns` and `rows`.
    public init(columns: [String], rows: [[String]], numeric: Set<Int> = []) {
        self.columns = columns
        self.rows = rows
        self.numeric = numeric
    }

    /// The table as HTML.
    public var html: String {
        var out = "<table><thead><tr>"
        for (i, c) in columns.enumerated() {
            out += numeric.contains(i) ? "<th class=\"num\">" : "<th>"
            out += HTMLText.escape(c) + "</th>"
        }
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += numeric.contains(i) ? "<td class=\"num\">" : "<td>"
                out += HTMLText.escape(cell) + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>"
    }
}
