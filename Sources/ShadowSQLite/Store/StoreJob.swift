import CSQLite
import ShadowCore

/// One unit of work for the store's writer thread.
enum StoreJob {
    /// A batch of rows from `append`, written in as many transactions as `batchRows` requires.
    case rows(run: Int64, disagreements: [DisagreementRow], rejects: [Reject])
    /// Work that runs inside the open transaction and is committed before the caller is released.
    case barrier(@Sendable (SQLiteDatabase) throws -> Void)

    /// Rows the job queues (a barrier queues none).
    var rowCount: Int {
        switch self {
        case .rows(_, let disagreements, let rejects): return disagreements.count + rejects.count
        case .barrier: return 0
        }
    }
}
