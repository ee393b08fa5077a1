import CoreMetrics
import Loupe
import LoupeTesting
import MetricsTestKit
import Synchronization
import Testing

/// Every test passes its factory explicitly: the global `MetricsSystem` is never bootstrapped.
struct MetricsTelemetryHandlerTests {
    let metrics = TestMetrics()
    let clock = ManualTelemetryClock()
    let telemetry: Telemetry

    init() throws {
        telemetry = Telemetry(configuration: .init(clock: clock, idGenerator: SeededIDGenerator()))
        let handler = MetricsTelemetryHandler(definitions: MetricDefinition.genAIDefaults, factory: metrics)
        try telemetry.attach("metrics", to: handler.patterns, handler: handler)
    }

    static let chat: [(String, String)] = [
        ("gen_ai.operation.name", "chat"), ("gen_ai.provider.name", "openai"), ("gen_ai.request.model", "gpt-4o-mini"),
    ]

    @Test func aStreamedLLMCallRecordsTheThreeGenAIMetrics() async throws {
        await telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini", isStreaming: true)) { call in
            clock.advance(by: .milliseconds(300))
            call.recordChunk()
            clock.advance(by: .milliseconds(900))
            call.recordUsage(TokenUsage(input: 1_200, output: 80))
        }

        let input = try metrics.expectRecorder("gen_ai.client.token.usage", Self.chat + [("gen_ai.token.type", "input")])
        let output = try metrics.expectRecorder("gen_ai.client.token.usage", Self.chat + [("gen_ai.token.type", "output")])
        #expect(input.values == [1_200])
        #expect(output.values == [80])
        #expect(try metrics.expectTimer("gen_ai.client.operation.duration", Self.chat).values == [1_200_000_000])
        #expect(try metrics.expectTimer("gen_ai.client.operation.time_to_first_chunk", Self.chat).values == [300_000_000])
    }

    @Test func aFailedCallIsTaggedWithItsErrorTypeAndReportsNoUsage() async throws {
        struct RateLimited: Error {}
        await #expect(throws: RateLimited.self) {
            try await telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { _ in
                clock.advance(by: .milliseconds(40))
                throw RateLimited()
            }
        }

        let errorType = ErrorAttributes.typeName(of: RateLimited())
        let duration = try metrics.expectTimer(
            "gen_ai.client.operation.duration", Self.chat + [("error.type", errorType)])
        #expect(duration.values == [40_000_000])
        #expect(metrics.recorders(label: "gen_ai.client.token.usage").isEmpty)
        #expect(metrics.timers(label: "gen_ai.client.operation.time_to_first_chunk").isEmpty)
    }

    @Test func embeddingsReportInputTokensUnderTheirOperationName() async throws {
        await telemetry.embedding(provider: "openai", model: "text-embedding-3-small") { call in
            call.recordUsage(inputTokens: 42)
        }

        let dimensions: [(String, String)] = [
            ("gen_ai.operation.name", "embeddings"), ("gen_ai.provider.name", "openai"),
            ("gen_ai.request.model", "text-embedding-3-small"), ("gen_ai.token.type", "input"),
        ]
        #expect(try metrics.expectRecorder("gen_ai.client.token.usage", dimensions).values == [42])
    }

    @Test func countersSumsAndLastValuesFollowTheirDefinitions() throws {
        let metrics = TestMetrics()
        let handler = MetricsTelemetryHandler(
            definitions: [
                .counter("shop.checkouts", event: "shop.checkout.done", tags: ["region"]),
                .sum("shop.revenue", event: "shop.checkout.done", measurement: "amount", unit: .usd, tags: ["region"]),
                .lastValue("shop.cart.size", event: "shop.checkout.done", measurement: "items"),
                .counter(
                    "shop.big_checkouts", event: "shop.checkout.done", constantTags: ["size": "big"],
                    keep: { ($0.measurements["amount"] ?? 0) >= 100 }),
            ],
            factory: metrics)
        let telemetry = Telemetry()
        try telemetry.attach("metrics", to: handler.patterns, handler: handler)

        telemetry.emit("shop.checkout.done", measurements: ["amount": 120, "items": 3], metadata: ["region": "eu"])
        telemetry.emit("shop.checkout.done", measurements: ["amount": 30, "items": 1], metadata: ["region": "eu"])
        telemetry.emit("shop.checkout.done", measurements: ["amount": 10, "items": 2])

        #expect(try metrics.expectCounter("shop.checkouts", [("region", "eu")]).totalValue == 2)
        // A missing tag is left out of the dimensions, not recorded as empty.
        #expect(try metrics.expectCounter("shop.checkouts").totalValue == 1)
        #expect(try metrics.expectCounter("shop.revenue", [("region", "eu")]).totalValue == 150)
        #expect(try metrics.expectMeter("shop.cart.size").lastValue == 2)
        #expect(try metrics.expectCounter("shop.big_checkouts", [("size", "big")]).totalValue == 1)
    }

    @Test func instrumentsAreCreatedOncePerTagSet() throws {
        let factory = CountingMetricsFactory()
        let handler = MetricsTelemetryHandler(
            definitions: [.counter("calls", event: "rpc.done", tags: ["model"])], factory: factory)
        let telemetry = Telemetry()
        try telemetry.attach("metrics", to: handler.patterns, handler: handler)

        for model in ["a", "a", "b", "a", "b"] {
            telemetry.emit("rpc.done", metadata: ["model": .string(model)])
        }

        #expect(factory.countersMade == 2)
        #expect(factory.metrics.counterTotal(label: "calls") == 5)
    }

    @Test func histogramBucketsAreHandedToBackendsByMetricName() {
        let definitions = MetricDefinition.genAIDefaults
        #expect(definitions.durationHistogramBuckets["gen_ai.client.operation.duration"]?.first == .milliseconds(10))
        #expect(definitions.durationHistogramBuckets["gen_ai.client.operation.duration"]?.last == .milliseconds(81_920))
        #expect(definitions.valueHistogramBuckets["gen_ai.client.token.usage"] == MetricDefinition.genAITokenBuckets)
        #expect(definitions.valueHistogramBuckets["gen_ai.client.operation.duration"] == nil)
    }
}

/// `TestMetrics` that counts how many counters it was asked to make.
final class CountingMetricsFactory: MetricsFactory {
    let metrics = TestMetrics()
    private let made = Atomic<Int>(0)

    var countersMade: Int { made.load(ordering: .relaxed) }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        made.add(1, ordering: .relaxed)
        return metrics.makeCounter(label: label, dimensions: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        metrics.makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        metrics.makeTimer(label: label, dimensions: dimensions)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        metrics.makeMeter(label: label, dimensions: dimensions)
    }

    func destroyCounter(_ handler: any CounterHandler) { metrics.destroyCounter(handler) }
    func destroyRecorder(_ handler: any RecorderHandler) { metrics.destroyRecorder(handler) }
    func destroyTimer(_ handler: any TimerHandler) { metrics.destroyTimer(handler) }
    func destroyMeter(_ handler: any MeterHandler) { metrics.destroyMeter(handler) }
}
