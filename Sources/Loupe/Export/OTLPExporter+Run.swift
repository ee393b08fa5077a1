import Logging
import ServiceLifecycle
import Synchronization

extension OTLPExporter {
    /// Batches and exports until graceful shutdown, then exports everything still queued and
    /// returns. Spans ended after that are refused and counted as dropped.
    ///
    /// Run it in a `ServiceGroup`, which also bounds how long the final export may take (its
    /// graceful shutdown timeout); cancellation stops waiting and drops what is left, counted.
    ///
    /// - Precondition: called once per exporter.
    public func run() async throws {
        precondition(!hasRun.exchange(true, ordering: .relaxed), "OTLPExporter.run() can only be called once")
        var pending = commands.makeAsyncIterator()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.runTimer() }
                loop: while let command = await pending.next() {
                    switch command {
                    case .batchReady:
                        while let batch = queue.takeFullBatch() {
                            await export(batch)
                        }
                    case .timer:
                        timerPending.store(false, ordering: .relaxed)
                        await exportQueued()
                    case .flush(let waiter):
                        await exportQueued()
                        flushWaiters.resume(waiter)
                    case .shutdown:
                        break loop
                    }
                    reportOverflow()
                }
                group.cancelAll()
            }
        } onGracefulShutdown: { [commandSink] in
            commandSink.yield(.shutdown)
        }

        // Close first so the final export has an end; spans ended from now on are counted as dropped.
        queue.close()
        while case let batch = queue.takeBatch(), !batch.isEmpty {
            await export(batch)
        }
        reportOverflow()
        commandSink.finish()
        // Flushes asked for during shutdown are satisfied: nothing is left to export.
        flushWaiters.close()
    }

    /// Wakes the loop every ``Configuration/maxDelay`` until cancelled.
    private func runTimer() async {
        // A zero delay would spin; a millisecond already means "export continuously".
        let delay = max(configuration.maxDelay, .milliseconds(1))
        while !Task.isCancelled {
            do {
                try await clock.sleep(for: delay)
            } catch {
                return
            }
            if !timerPending.exchange(true, ordering: .relaxed) {
                commandSink.yield(.timer)
            }
        }
    }

    /// Exports the spans queued when called, in batches; spans arriving meanwhile wait for the
    /// next turn, so a busy emitter cannot keep one flush going forever.
    private func exportQueued() async {
        var remaining = queue.count
        while remaining > 0 {
            let batch = queue.takeBatch()
            if batch.isEmpty { return }
            remaining -= batch.count
            await export(batch)
        }
    }

    /// Logs queue-full drops once per loop turn rather than once per span.
    private func reportOverflow() {
        let dropped = counters.unreportedOverflow.exchange(0, ordering: .relaxed)
        guard dropped > 0 else { return }
        logger.warning(
            "dropped \(dropped) spans: the export queue was full or shut down",
            metadata: ["otlp.max_queue_size": "\(configuration.maxQueueSize)", "otlp.overflow_policy": "\(configuration.overflowPolicy)"])
    }
}
