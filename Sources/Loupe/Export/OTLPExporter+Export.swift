import Logging
import NIOCore
import Synchronization

extension OTLPExporter {
    /// Sends one batch, retrying as the ``RetryPolicy`` allows; every span ends up counted as
    /// exported, rejected or dropped.
    func export(_ spans: [FinishedSpan]) async {
        let body: ByteBuffer
        do {
            body = try transport.body(for: spans)
        } catch {
            giveUp(spans.count, reason: "the batch could not be encoded: \(error)", attempts: 0)
            return
        }
        let policy = configuration.retry
        var generator = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            switch await transport.send(body) {
            case .accepted(let rejected, let message):
                let rejected = min(max(rejected, 0), spans.count)
                counters.exported.add(spans.count - rejected, ordering: .relaxed)
                if rejected > 0 {
                    counters.rejected.add(rejected, ordering: .relaxed)
                    logger.warning(
                        "the collector rejected \(rejected) of \(spans.count) spans",
                        metadata: ["otlp.endpoint": "\(configuration.endpoint)", "otlp.error_message": "\(message)"])
                } else if !message.isEmpty {
                    // A partial success with nothing rejected is how OTLP sends warnings.
                    logger.notice("the collector accepted the spans with a warning: \(message)")
                }
                return
            case .permanent(let reason):
                giveUp(spans.count, reason: reason, attempts: attempt)
                return
            case .retryable(let reason, let retryAfter):
                guard attempt < policy.maxAttempts, !Task.isCancelled else {
                    giveUp(spans.count, reason: reason, attempts: attempt)
                    return
                }
                let delay = retryAfter.map(policy.honouring) ?? policy.backoff(beforeRetry: attempt, using: &generator)
                logger.debug(
                    "retrying the export after \(delay)",
                    metadata: ["otlp.reason": "\(reason)", "otlp.attempt": "\(attempt)"])
                do {
                    try await clock.sleep(for: delay)
                } catch {
                    giveUp(spans.count, reason: "cancelled while waiting to retry after \(reason)", attempts: attempt)
                    return
                }
                counters.retries.add(1, ordering: .relaxed)
                attempt += 1
            }
        }
    }

    private func giveUp(_ count: Int, reason: String, attempts: Int) {
        counters.droppedOnFailure.add(count, ordering: .relaxed)
        counters.failedRequests.add(1, ordering: .relaxed)
        logger.error(
            "dropped \(count) spans: \(reason)",
            metadata: ["otlp.endpoint": "\(configuration.endpoint)", "otlp.attempts": "\(attempts)"])
    }
}
