import ShadowControl
import ShadowRuntime

/// The one-line status shown by `systemctl status shadowd` and `shadowctl status`.
enum StatusLine {
    static func render(context: DaemonContext, rate: Double, lastTriggerAgo: Double? = nil) -> String {
        let jobs = context.jobs.all
        let following = jobs.filter { $0.state == .following }.count
        let running = jobs.filter { $0.state == .running }.count
        let shadows = context.models.models.dropFirst().count
        let records = jobs.reduce(0) { $0 + $1.records }
        var parts = ["following \(following) source\(following == 1 ? "" : "s")"]
        if running > 0 { parts.append("\(running) replay\(running == 1 ? "" : "s") running") }
        parts.append("\(NumberFormat.grouped(Int(rate.rounded()))) req/s")
        parts.append("\(shadows) shadow\(shadows == 1 ? "" : "s")")
        parts.append("\(NumberFormat.grouped(records)) records")
        if let ago = lastTriggerAgo { parts.append("last trigger \(duration(ago)) ago") }
        return parts.joined(separator: ", ")
    }

    /// 42 → "42 s", 720 → "12 min", 7200 → "2 h", 200000 → "2 d".
    static func duration(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        if s < 120 { return "\(s) s" }
        if s < 7200 { return "\(s / 60) min" }
        if s < 172_800 { return "\(s / 3600) h" }
        return "\(s / 86400) d"
    }
}
