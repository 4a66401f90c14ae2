import ArgumentParser
import ShadowCore

/// `shadowctl query rejects`: traffic lines that could not become records, with where and why.
struct QueryRejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects", abstract: "Rejected traffic lines (the rejects table).")

    @OptionGroup var options: QueryOptions

    @Option(help: "Only this code: \(RejectCode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var code: String?

    func validate() throws {
        if let code, RejectCode(rawValue: code) == nil {
            let codes = RejectCode.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--code must be one of \(codes), got '\(code)'")
        }
    }

    func run() throws {
        var filters: [(sql: String, values: [QueryValue])] = []
        if let code { filters.append(("code = ?", [.text(code)])) }
        try options.print(select: "SELECT id, run_id AS run, file, line, byte_offset, code, reason FROM rejects",
                          runColumn: "run_id", filters: filters, order: "run_id, id")
    }
}
