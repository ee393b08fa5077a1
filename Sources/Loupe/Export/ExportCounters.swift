import Synchronization

/// The exporter's running totals, updated from the emitting tasks and the export loop.
final class ExportCounters: Sendable {
    let exported = Atomic<Int>(0)
    let droppedOnOverflow = Atomic<Int>(0)
    let droppedOnFailure = Atomic<Int>(0)
    let rejected = Atomic<Int>(0)
    let retries = Atomic<Int>(0)
    let failedRequests = Atomic<Int>(0)
    /// Overflow drops not logged yet: logged once per loop turn, not once per span.
    let unreportedOverflow = Atomic<Int>(0)

    init() {}
}
