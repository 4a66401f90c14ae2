/// The report's series colours (Tableau 10, readable on white and distinguishable in print).
public enum ChartPalette {
    /// Colours in order of use.
    public static let colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                                "#ff9da7", "#9c755f", "#bab0ac"]

    /// The colour of the `index`-th series (cycling).
    public static func color(_ index: Int) -> String { colors[((index % colors.count) + colors.count) % colors.count] }
}
