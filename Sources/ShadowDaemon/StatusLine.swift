import ShadowControl

/// The one-line status shown by `systemctl status shadowd` and `shadowctl status`.
enum StatusLine {
    static func render(context: DaemonContext, rate: Double) -> String {
        let jobs = context.jobs.all
        let following = jobs.filter { $0.state == .following }.count
        let running = jobs.filter { $0.state == .running }.count
        let shadows = context.models.models.dropFirst().count
        let records = jobs.reduce(0) { $0 + $1.records }
        var parts = ["following \(following) source\(following == 1 ? "" : "s")"]
        if running > 0 { parts.append("\(running) replay\(running == 1 ? "" : "s") running") }
        parts.append("\(grouped(Int(rate.rounded()))) req/s")
        parts.append("\(shadows) shadow\(shadows == 1 ? "" : "s")")
        parts.append("\(grouped(records)) records")
        return parts.joined(separator: ", ")
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
