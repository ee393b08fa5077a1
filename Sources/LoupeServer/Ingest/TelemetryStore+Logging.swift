import Logging
import LoupeStore

extension TelemetryStore {
    /// Flushes aggregates, logging a failure: they stay in memory and the next flush tries again.
    func flushAggregates(logger: Logger) async {
        await logging("could not flush aggregates; will retry", to: logger) { try await $0.flushAggregates() }
    }

    /// Runs the store's periodic upkeep, logging a failure: the next run tries again.
    func maintain(logger: Logger) async {
        await logging("store maintenance failed; will retry", to: logger) { try await $0.maintain() }
    }

    private func logging(_ message: Logger.Message, to logger: Logger, _ work: (Self) async throws -> Void) async {
        do {
            try await work(self)
        } catch {
            logger.error(message, metadata: ["error": "\(error)"])
        }
    }
}
