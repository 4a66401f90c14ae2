import ShadowCore

/// Renders model outputs as the JSON stored in `champion_output` / `shadow_output`.
enum OutputJSON {
    /// A single value as a JSON number, several as an array; an error as `{"error":"code"}`; NaN as null.
    static func render(_ values: ArraySlice<Double>, error: ModelErrorCode?) -> String {
        if let error { return "{\"error\":\"\(error.rawValue)\"}" }
        if values.count == 1 { return number(values[values.startIndex]) }
        return "[" + values.map(number).joined(separator: ",") + "]"
    }

    static func number(_ x: Double) -> String {
        x.isFinite ? x.description : "null"
    }
}
