import InMemoryLogging
import Logging
import Loupe
import LoupeTesting
import Testing

/// The exporter against a real HTTP collector on loopback; time moves only through `TestClock`.
@Suite(.timeLimit(.minutes(1)))
struct OTLPExporterTests {
    @Test func fullBatchesGoOutAtOnceAndTheRestAfterMaxDelay() async throws {
        let collector = RecordingCollector()
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint, maxBatchSize: 3))
            try await harness.running {
                harness.endSpans(7)

                let full = await collector.requests(count: 2)
                #expect(full.map(\.spanNames.count) == [3, 3])
                #expect(harness.exporter.statistics.queuedSpans == 1)

                await harness.clock.sleeper(for: .seconds(3_600))
                harness.clock.advance(by: .seconds(3_600))
                let all = await collector.requests(count: 3)
                #expect(all.last?.spanNames == ["work 6"])

                await harness.exporter.forceFlush()
                #expect(harness.exporter.statistics.exportedSpans == 7)
            }
        }
    }

    @Test(arguments: [OTLPExporter.Compression.gzip, .none])
    func requestsAreProtobufWithTheConfiguredResource(compression: OTLPExporter.Compression) async throws {
        let collector = RecordingCollector()
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint, compression: compression))
            try await harness.running {
                harness.endSpans(2)
                await harness.exporter.forceFlush()
            }
            let request = try #require(collector.requests.first)
            #expect(request.contentType == "application/x-protobuf")
            #expect(request.contentEncoding == (compression == .gzip ? "gzip" : nil))
            #expect(request.spanNames == ["work 0", "work 1"])
            #expect(request.resource["service.name"] == "exporter-tests")
        }
    }

    @Test func throttlingIsRetriedAfterTheSecondsRetryAfterGives() async throws {
        let collector = RecordingCollector(replies: [.tooManyRequests(retryAfter: "7")])
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint))
            try await harness.running {
                harness.endSpans(2)
                async let flushed: Void = harness.exporter.forceFlush()

                await harness.clock.sleeper(for: .seconds(7))
                #expect(collector.requests.count == 1)
                harness.clock.advance(by: .seconds(7))
                await flushed

                #expect(collector.requests.count == 2)
                let statistics = harness.exporter.statistics
                #expect(statistics.retries == 1)
                #expect(statistics.exportedSpans == 2)
                #expect(harness.exporter.droppedSpans == 0)
            }
        }
    }

    @Test func throttlingIsRetriedAtTheHTTPDateRetryAfterGives() async throws {
        // ManualTelemetryClock starts at 2023-11-14T22:13:20Z; the collector asks for 22:13:32.
        let collector = RecordingCollector(replies: [.tooManyRequests(retryAfter: "Tue, 14 Nov 2023 22:13:32 GMT")])
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint))
            try await harness.running {
                harness.endSpans(1)  // advances the wall clock 5 ms
                async let flushed: Void = harness.exporter.forceFlush()

                await harness.clock.sleeper(for: .milliseconds(11_995))
                harness.clock.advance(by: .milliseconds(11_995))
                await flushed

                #expect(collector.requests.count == 2)
                #expect(harness.exporter.statistics.exportedSpans == 1)
            }
        }
    }

    @Test func unavailableIsRetriedWithExponentialBackoff() async throws {
        let collector = RecordingCollector(replies: [.unavailable, .unavailable])
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint, maxAttempts: 3))
            try await harness.running {
                harness.endSpans(3)
                async let flushed: Void = harness.exporter.forceFlush()

                await harness.clock.sleeper(for: .seconds(1))
                harness.clock.advance(by: .seconds(1))
                await harness.clock.sleeper(for: .seconds(2))
                harness.clock.advance(by: .seconds(2))
                await flushed

                #expect(collector.requests.count == 3)
                #expect(harness.exporter.statistics.retries == 2)
                #expect(harness.exporter.statistics.exportedSpans == 3)
            }
        }
    }

    @Test func retriesStopAfterMaxAttemptsAndTheBatchIsDropped() async throws {
        let collector = RecordingCollector(replies: [.unavailable, .unavailable])
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint, maxAttempts: 2))
            try await harness.running {
                harness.endSpans(4)
                async let flushed: Void = harness.exporter.forceFlush()

                await harness.clock.sleeper(for: .seconds(1))
                harness.clock.advance(by: .seconds(1))
                await flushed

                #expect(collector.requests.count == 2)
                #expect(harness.exporter.droppedSpans == 4)
                #expect(harness.exporter.statistics.failedRequests == 1)
                #expect(harness.messages(at: .error).contains { $0.contains("dropped 4 spans: HTTP 503") })
            }
        }
    }

    @Test func aBadRequestIsNotRetriedAndTheReasonIsLogged() async throws {
        let collector = RecordingCollector(replies: [try .badRequest("span 1 has an empty trace id")])
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint))
            try await harness.running {
                harness.endSpans(2)
                await harness.exporter.forceFlush()

                #expect(collector.requests.count == 1)
                let statistics = harness.exporter.statistics
                #expect(statistics.droppedOnFailure == 2)
                #expect(statistics.retries == 0)
                #expect(harness.exporter.droppedSpans == 2)
                #expect(
                    harness.messages(at: .error) == [
                        "dropped 2 spans: HTTP 400 Bad Request: span 1 has an empty trace id"
                    ])
            }
        }
    }

    @Test func aPartialSuccessCountsRejectedSpansWithoutRetrying() async throws {
        let collector = RecordingCollector(replies: [try .partialSuccess(rejected: 1, message: "span too large")])
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint))
            try await harness.running {
                harness.endSpans(3)
                await harness.exporter.forceFlush()

                #expect(collector.requests.count == 1)
                let statistics = harness.exporter.statistics
                #expect(statistics.exportedSpans == 2)
                #expect(statistics.rejectedSpans == 1)
                #expect(harness.exporter.droppedSpans == 1)
                let warning = try #require(harness.log.entries.first { $0.level == .warning })
                #expect(warning.message.description == "the collector rejected 1 of 3 spans")
                #expect(warning.metadata["otlp.error_message"] == "span too large")
            }
        }
    }

    @Test func networkErrorsAreRetriedThenCounted() async throws {
        // Nothing listens on port 1. AsyncHTTPClient keeps retrying a refused connection until the
        // request's deadline, so a short export timeout keeps the test quick.
        let harness = try ExporterHarness(
            .test("http://127.0.0.1:1/v1/traces", maxAttempts: 2, exportTimeout: .milliseconds(50)))
        try await harness.running {
            harness.endSpans(2)
            async let flushed: Void = harness.exporter.forceFlush()

            await harness.clock.sleeper(for: .seconds(1))
            harness.clock.advance(by: .seconds(1))
            await flushed

            #expect(harness.exporter.statistics.retries == 1)
            #expect(harness.exporter.statistics.droppedOnFailure == 2)
            #expect(harness.messages(at: .error).first?.hasPrefix("dropped 2 spans: network error") == true)
        }
    }

    @Test func cancellationDropsWhatIsLeftAndReleasesFlushes() async throws {
        let harness = try ExporterHarness(
            .test("http://127.0.0.1:1/v1/traces", maxAttempts: 5, exportTimeout: .milliseconds(50)))
        let run = Task { try await harness.exporter.run() }
        harness.endSpans(3)
        async let flushed: Void = harness.exporter.forceFlush()

        // The exporter is waiting to retry when the application stops without a graceful shutdown.
        await harness.clock.sleeper(for: .seconds(1))
        run.cancel()
        await flushed
        try await run.value

        #expect(harness.exporter.statistics.droppedOnFailure == 3)
        #expect(harness.messages(at: .error).contains { $0.hasPrefix("dropped 3 spans: cancelled") })
    }

    @Test func gracefulShutdownExportsEverythingQueued() async throws {
        let collector = RecordingCollector()
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint, maxBatchSize: 4))
            try await harness.running {
                harness.endSpans(6)
                _ = await collector.requests(count: 1)
            }
            #expect(collector.requests.map(\.spanNames.count) == [4, 2])
            #expect(harness.exporter.statistics.exportedSpans == 6)

            // After shutdown, spans are refused and counted rather than queued forever.
            harness.endSpans(1, from: 6)
            #expect(harness.exporter.statistics.droppedOnOverflow == 1)
            await harness.exporter.forceFlush()
        }
    }

    @Test(arguments: [
        (OTLPExporter.OverflowPolicy.dropNewest, ["work 0", "work 1", "work 2"]),
        (.dropOldest, ["work 2", "work 3", "work 4"]),
    ])
    func aFullQueueDropsByPolicyAndCounts(policy: OTLPExporter.OverflowPolicy, kept: [String]) async throws {
        let collector = RecordingCollector()
        try await collector.run { endpoint in
            let harness = try ExporterHarness(.test(endpoint, maxBatchSize: 10, maxQueueSize: 3, overflowPolicy: policy))
            // Not running yet: nothing drains the queue.
            harness.endSpans(5)
            #expect(harness.exporter.droppedSpans == 2)
            #expect(harness.exporter.statistics.queuedSpans == 3)

            try await harness.running { await harness.exporter.forceFlush() }
            #expect(collector.requests.flatMap(\.spanNames) == kept)
            #expect(harness.messages(at: .warning).first?.hasPrefix("dropped 2 spans: the export queue was full") == true)
        }
    }
}
