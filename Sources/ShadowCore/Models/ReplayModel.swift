/// A model the replay sends records to: embedded, HTTP or a child process.
///
/// `predict` answers a whole batch; an implementation may spread records over concurrent calls.
/// It never throws: a failed record is an error entry in the result, and the run goes on.
public protocol ReplayModel: Sendable {
    var name: String { get }
    var role: ModelRole { get }
    var task: ModelTask { get }
    /// Identifies the model's content (file digest or endpoint), recorded in the `models` table.
    var digest: String { get }
    func predict(_ batch: RecordBatch) async -> PredictionBatch
}
