import InMemoryLogging
import Logging
import Loupe
import LoupeTesting
import Testing

struct SlowCallLogHandlerTests {
    let log = InMemoryLogHandler()
    let clock = ManualTelemetryClock()
    let telemetry: Telemetry

    init() throws {
        let log = log
        let handler = SlowCallLogHandler(
            logger: Logger(label: "slow") { _ in log }, threshold: .seconds(5),
            thresholds: [EventName.llmCall: .seconds(2), "loupe.stage.fast": .milliseconds(1)])
        telemetry = Telemetry(configuration: .init(clock: clock, idGenerator: SeededIDGenerator()))
        try telemetry.attach("slow-calls", to: SlowCallLogHandler.patterns, handler: handler)
    }

    @Test func aCallOverItsPrefixThresholdIsAWarningWithItsLabels() async throws {
        var context: SpanContext?
        await telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { call in
            context = call.span.context
            clock.advance(by: .milliseconds(3_200))
            call.recordUsage(TokenUsage(input: 10, output: 2))
        }

        let entry = try #require(log.entries.first)
        #expect(log.entries.count == 1)
        #expect(entry.level == .warning)
        #expect(entry.message.description == "slow call: chat gpt-4o-mini took 3.2 s (threshold 2.0 s)")
        #expect(entry.metadata["gen_ai.request.model"] == "gpt-4o-mini")
        #expect(entry.metadata["gen_ai.provider.name"] == "openai")
        #expect(entry.metadata["gen_ai.usage.output_tokens"] == "2")
        #expect(entry.metadata["duration_s"]?.description == "3.2")
        #expect(entry.metadata["trace_id"]?.description == context?.traceID.hexString)
        #expect(entry.metadata["span_id"]?.description == context?.spanID.hexString)
    }

    @Test func otherSpansUseTheDefaultThreshold() async throws {
        telemetry.withSpan("shop.render") { _ in clock.advance(by: .seconds(3)) }
        #expect(log.entries.isEmpty)

        telemetry.withSpan("shop.render") { _ in clock.advance(by: .seconds(6)) }
        #expect(log.entries.map(\.level) == [.warning])
    }

    @Test func theMostSpecificPrefixWins() async throws {
        await telemetry.llmCall(LLMRequest(provider: "openai", model: "o3")) { _ in clock.advance(by: .seconds(1)) }
        #expect(log.entries.isEmpty)
    }

    @Test func failuresAreErrorsWithTheirType() async throws {
        struct Refused: Error, CustomStringConvertible { var description: String { "content filtered" } }
        await #expect(throws: Refused.self) {
            try await telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { _ in
                clock.advance(by: .milliseconds(400))
                throw Refused()
            }
        }

        let entry = try #require(log.entries.first)
        #expect(entry.level == .error)
        #expect(entry.message.description == "failed call: chat gpt-4o after 0.4 s: content filtered")
        #expect(entry.metadata["error.type"]?.description == ErrorAttributes.typeName(of: Refused()))
    }

    @Test func withTheJSONHandlerTheReportedSpanIsTheOneCorrelated() throws {
        let output = LineCollector()
        let handler = SlowCallLogHandler(
            logger: Logger(label: "slow") { JSONLogHandler(label: $0, output: .stream(output)) }, threshold: .zero)
        let telemetry = Telemetry(configuration: .init(clock: clock))
        try telemetry.attach("slow-calls", to: SlowCallLogHandler.patterns, handler: handler)

        let (outer, inner) = telemetry.withSpan("outer") { outer in
            (outer.context, telemetry.withSpan("inner") { $0.context })
        }

        let lines = try output.objects()
        #expect(lines.map { $0["span_id"] as? String } == [inner?.spanID.hexString, outer?.spanID.hexString])
        #expect(lines.allSatisfy { ($0["metadata"] as? [String: Any])?["span_id"] == nil })
    }
}
