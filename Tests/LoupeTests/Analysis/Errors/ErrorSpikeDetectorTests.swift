import Loupe
import LoupeTesting
import Testing

struct ErrorSpikeDetectorTests {
    private func failure(
        _ message: String, type: String = "openai.APIError", operation: String = "chat gpt-4o"
    ) -> SpanOutcome {
        SpanOutcome(
            span: EventName.llmCall, operation: operation, kind: .llm, model: "gpt-4o", provider: "openai",
            durationNanos: 1_000_000, isFailure: true, errorType: type, errorMessage: message)
    }

    private let rateLimited = "Error code: 429 - Rate limit reached for gpt-4o on tokens per min"
    private let timedOut = "Request timed out after 30 seconds"

    @Test func aStormRaisesOneAlertPerWindow() throws {
        let harness = Harness()
        let detector = ErrorSpikeDetector(reportingTo: harness.telemetry, threshold: 3, window: .seconds(60))

        var spikes: [ErrorSpike] = []
        for _ in 0..<50 {
            if let spike = detector.record(failure(rateLimited), at: harness.clock.now()) { spikes.append(spike) }
            harness.clock.advance(by: .milliseconds(100))
        }

        #expect(spikes.count == 1)
        let spike = try #require(spikes.first)
        #expect(spike.kind == "rate_limit")
        #expect(spike.category == .rateLimit)
        #expect(spike.count == 3)
        #expect(spike.suppressedCount == 0)
        #expect(spike.operation == "chat gpt-4o")
        let event = try #require(harness.only(.errorSpike))
        #expect(event.metadata[LoupeAttributes.errorKind] == "rate_limit")
        #expect(event.metadata[LoupeAttributes.errorGrouping] == "category")
        #expect(event.metadata[LoupeAttributes.errorAction] == .string(AutomaticAction.retryWithBackoff.rawValue))
        #expect(event.metadata[GenAIAttributes.requestModel] == "gpt-4o")
        #expect(event.measurements[MeasurementKey.threshold] == 3)
        #expect(event.measurements[MeasurementKey.windowSeconds] == 60)
    }

    @Test func theNextWindowAlertsAgainAndCountsWhatWasSuppressed() throws {
        let harness = Harness()
        let detector = ErrorSpikeDetector(reportingTo: harness.telemetry, threshold: 2, window: .seconds(10))

        for _ in 0..<6 { detector.record(failure(rateLimited), at: harness.clock.now()) }
        harness.clock.advance(by: .seconds(10))
        // One error is not a spike, even though the window has passed…
        #expect(detector.record(failure(rateLimited), at: harness.clock.now()) == nil)
        // …two are.
        let second = try #require(detector.record(failure(rateLimited), at: harness.clock.now()))

        #expect(second.suppressedCount == 5)
        #expect(harness.recorder.events(named: .errorSpike).count == 2)
    }

    @Test func errorsOutsideTheSlidingWindowDoNotCount() {
        let harness = Harness()
        let detector = ErrorSpikeDetector(reportingTo: harness.telemetry, threshold: 3, window: .seconds(60))

        detector.record(failure(timedOut), at: harness.clock.now())
        detector.record(failure(timedOut), at: harness.clock.now())
        harness.clock.advance(by: .seconds(61))
        #expect(detector.record(failure(timedOut), at: harness.clock.now()) == nil)
        harness.clock.advance(by: .seconds(30))
        detector.record(failure(timedOut), at: harness.clock.now())
        // Three within the last 60 seconds, wherever fixed windows would have cut them.
        #expect(detector.record(failure(timedOut), at: harness.clock.now())?.kind == "timeout")
    }

    @Test func kindsAreCountedApart() {
        let harness = Harness()
        let detector = ErrorSpikeDetector(reportingTo: harness.telemetry, threshold: 2)

        for message in [rateLimited, timedOut, rateLimited, timedOut, rateLimited] {
            detector.record(failure(message), at: harness.clock.now())
        }

        let kinds = harness.recorder.events(named: .errorSpike).compactMap { $0.metadata[LoupeAttributes.errorKind] }
        #expect(kinds == ["rate_limit", "timeout"])
    }

    @Test func canGroupByErrorType() {
        let harness = Harness()
        let detector = ErrorSpikeDetector(reportingTo: harness.telemetry, threshold: 2, grouping: .errorType)

        detector.record(failure(rateLimited, type: "openai.RateLimitError"), at: harness.clock.now())
        detector.record(failure(rateLimited, type: "anthropic.RateLimitError"), at: harness.clock.now())
        let spike = detector.record(failure(timedOut, type: "openai.RateLimitError"), at: harness.clock.now())

        #expect(spike?.kind == "openai.RateLimitError")
        #expect(spike?.grouping == .errorType)
    }

    @Test func watchesFailedSpansWhenAttached() async throws {
        struct RateLimitError: Error, CustomStringConvertible {
            var description: String { "429 Too Many Requests: rate limit exceeded" }
        }
        let harness = Harness()
        let detector = ErrorSpikeDetector(reportingTo: harness.telemetry, threshold: 3)
        try detector.attach()

        for _ in 0..<5 {
            _ = try? await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { _ in
                throw RateLimitError()
            }
            await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { _ in }
        }

        let event = try #require(harness.only(.errorSpike))
        #expect(event.metadata[LoupeAttributes.errorCategory] == "rate_limit")
        #expect(event.metadata[LoupeAttributes.analysisOperation] == "chat gpt-4o")
        // The alert points at the call that completed the spike.
        let third = harness.recorder.events(named: EventName.llmCall.exception)[2]
        #expect(event.spanContext == third.spanContext)
    }
}
