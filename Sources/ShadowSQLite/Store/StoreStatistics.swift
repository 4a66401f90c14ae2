/// Counters of a store's writer, for metrics and tests.
public struct StoreStatistics: Sendable, Equatable {
    /// Disagreement and reject rows committed since the store opened.
    public var rowsCommitted = 0
    /// Transactions committed (row batches and barrier calls such as `beginRun` and `finishRun`).
    public var transactions = 0
    /// Rows appended but not yet taken by the writer: the queue's depth.
    public var queuedRows = 0

    /// Creates counters, zero by default.
    public init(rowsCommitted: Int = 0, transactions: Int = 0, queuedRows: Int = 0) {
        self.rowsCommitted = rowsCommitted
        self.transactions = transactions
        self.queuedRows = queuedRows
    }
}
