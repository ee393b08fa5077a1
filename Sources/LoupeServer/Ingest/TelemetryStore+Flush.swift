import Logging
import LoupeStore

extension TelemetryStore {
    /// Flushes aggregates, logging a failure: they stay in memory and the next flush tries again.
    func flushAggregates(logger: Logger) async {
        do {
            try await flushAggregates()
        } catch {
            logger.error("could not flush aggregates; will retry", metadata: ["error": "\(error)"])
        }
    }
}
