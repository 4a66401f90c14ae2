/// Carries a barrier job's outcome from the writer thread back to the waiting caller.
///
/// Written only by the writer before it marks the job committed, read only by the caller afterwards;
/// the queue's mutex orders the two.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    var error: (any Error)?
}
