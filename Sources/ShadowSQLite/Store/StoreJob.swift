import CSQLite
import ShadowCore

/// One unit of work for the store's writer thread.
enum StoreJob {
    /// A batch of rows from `append` and the source position after it, written in one transaction (which may
    /// hold several such jobs): a batch's rows and its checkpoint are never split across a commit.
    case rows(run: Int64, disagreements: [DisagreementRow], rejects: [Reject], checkpoint: SourceCheckpoint?)
    /// Work that runs inside the open transaction and is committed before the caller is released.
    case barrier(@Sendable (SQLiteDatabase) throws -> Void)

    /// Rows the job queues (a barrier queues none).
    var rowCount: Int {
        switch self {
        case .rows(_, let disagreements, let rejects, _): return disagreements.count + rejects.count
        case .barrier: return 0
        }
    }
}
