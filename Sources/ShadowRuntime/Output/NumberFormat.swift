/// Number formatting for terminal output, without Foundation's locale machinery.
public enum NumberFormat {
    /// 12345 → "12,345".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// A value with a fixed number of decimals: fixed(3.14159, 2) → "3.14".
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        var frac = String(Int(scaled - Double(whole) * scale))
        while frac.count < decimals { frac = "0" + frac }
        let sign = x < 0 && scaled != 0 ? "-" : ""
        return decimals == 0 ? sign + String(whole) : sign + String(whole) + "." + frac
    }

    /// A rate in compact form: 950 → "950", 187_000 → "187.0k", 2_500_000 → "2.50M".
    static func compact(_ x: Double) -> String {
        if x >= 1e6 { return fixed(x / 1e6, 2) + "M" }
        if x >= 1e4 { return fixed(x / 1e3, 1) + "k" }
        return fixed(x, 0)
    }

    /// Pads to a width, left-aligned text or right-aligned numbers.
    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
}
