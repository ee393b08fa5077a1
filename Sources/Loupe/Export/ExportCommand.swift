/// What the export loop is asked to do; handled one at a time, so exports never overlap.
enum ExportCommand: Sendable {
    /// A full batch is queued.
    case batchReady
    /// ``OTLPExporter/Configuration/maxDelay`` has passed: export whatever is queued.
    case timer
    /// ``OTLPExporter/forceFlush()``: export what is queued, then resume the waiter with this id.
    case flush(UInt64)
    /// Graceful shutdown: stop waiting, export everything, return from `run()`.
    case shutdown
}
