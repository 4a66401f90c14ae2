#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows replay progress on standard error: a redrawn bar on a terminal, a plain line every few seconds otherwise.
public final class ProgressDisplay: @unchecked Sendable {
    let isTerminal: Bool
    let plainEverySeconds: Double
    var lastPlain: Double = 0
    var drewBar = false

    public init(plainEverySeconds: Double = 5) {
        isTerminal = isatty(STDERR_FILENO) == 1
        self.plainEverySeconds = plainEverySeconds
    }

    /// Draws one update; call with `finished` set to clear the bar.
    public func show(_ p: ReplayProgress) {
        let rate = p.elapsedSeconds > 0 ? Double(p.records) / p.elapsedSeconds : 0
        let counts = "\(NumberFormat.grouped(p.records)) records  \(NumberFormat.compact(rate)) rec/s  "
            + "\(NumberFormat.grouped(p.rejects)) rejected  \(NumberFormat.grouped(p.disagreements)) disagreements"
        if isTerminal {
            if p.finished {
                if drewBar { write("\r\u{1B}[2K") }
                return
            }
            let width = 30
            let filled = Int(p.fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r\u{1B}[2K[\(bar)] \(NumberFormat.fixed(p.fraction * 100, 0))%  \(counts)")
            drewBar = true
        } else if !p.finished && p.elapsedSeconds - lastPlain >= plainEverySeconds {
            lastPlain = p.elapsedSeconds
            write("progress: \(NumberFormat.fixed(p.fraction * 100, 0))%  \(counts)\n")
        }
    }

    func write(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
