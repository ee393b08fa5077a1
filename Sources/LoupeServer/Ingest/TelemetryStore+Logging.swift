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

    /// Runs the store's periodic upkeep, logging a failure: the next run tries again.
    func maintain(logger: Logger) async {
        do {
            try await maintain()
        } catch {
            logger.error("store maintenance failed; will retry", metadata: ["error": "\(error)"])
        }
    }
}
