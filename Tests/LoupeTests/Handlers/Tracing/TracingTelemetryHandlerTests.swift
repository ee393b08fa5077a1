import InMemoryTracing
import Loupe
import LoupeTesting
import Testing
import Tracing

/// Every test injects its own `InMemoryTracer`: `InstrumentationSystem` is never bootstrapped.
struct TracingTelemetryHandlerTests {
    let tracer = InMemoryTracer()
    let clock = ManualTelemetryClock()
    let telemetry: Telemetry

    init() throws {
        telemetry = Telemetry(configuration: .init(clock: clock, idGenerator: SeededIDGenerator()))
        try telemetry.attach(
            "tracing", to: TracingTelemetryHandler.patterns, handler: TracingTelemetryHandler(tracer: tracer))
    }

    @Test func spansAreMirroredWithNameKindTimesAndAttributes() async {
        let start = clock.now().unixNanos
        await telemetry.stage("rag.answer", kind: .chain) { _ in
            clock.advance(by: .milliseconds(10))
            await telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini")) { call in
                clock.advance(by: .milliseconds(700))
                call.recordUsage(TokenUsage(input: 50, output: 7))
                call.recordResponse(finishReasons: ["stop"])
            }
            clock.advance(by: .milliseconds(5))
        }

        let spans = tracer.finishedSpans
        #expect(spans.map(\.operationName) == ["chat gpt-4o-mini", "rag.answer"])
        let (llm, stage) = (spans[0], spans[1])
        #expect(llm.kind == .client)
        #expect(stage.kind == .internal)
        #expect(llm.parentSpanID == stage.spanID)
        #expect(llm.traceID == stage.traceID)
        #expect(stage.parentSpanID == nil)
        #expect(stage.startInstant.nanosecondsSinceEpoch == UInt64(start))
        #expect(stage.endInstant.nanosecondsSinceEpoch == UInt64(start + 715_000_000))
        #expect(llm.startInstant.nanosecondsSinceEpoch == UInt64(start + 10_000_000))
        #expect(llm.endInstant.nanosecondsSinceEpoch == UInt64(start + 710_000_000))
        #expect(llm.attributes.get("gen_ai.request.model") == .string("gpt-4o-mini"))
        #expect(llm.attributes.get("gen_ai.usage.input_tokens") == .int64(50))
        #expect(llm.attributes.get("gen_ai.response.finish_reasons") == .stringArray(["stop"]))
        #expect(llm.status == nil)
    }

    @Test func failuresAreRecordedAsErrorsWithErrorStatus() async throws {
        struct Timeout: Error, CustomStringConvertible { var description: String { "no answer in 30 s" } }
        await #expect(throws: Timeout.self) {
            try await telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { _ in throw Timeout() }
        }

        let span = try #require(tracer.finishedSpans.first)
        #expect(span.status?.code == .error)
        #expect(span.status?.message == "no answer in 30 s")
        let recorded = try #require(span.errors.first?.error as? MirroredSpanError)
        #expect(recorded == MirroredSpanError(type: ErrorAttributes.typeName(of: Timeout()), message: "no answer in 30 s"))
        #expect(span.attributes.get("error.type") == .string(ErrorAttributes.typeName(of: Timeout())))
    }

    @Test func rootSpansNestUnderTheApplicationsTracingSpan() {
        tracer.withSpan("GET /ask", ofKind: .server) { _ in
            telemetry.stage("rag.answer") { _ in }
        }

        let spans = tracer.finishedSpans
        #expect(spans.map(\.operationName) == ["rag.answer", "GET /ask"])
        #expect(spans[0].parentSpanID == spans[1].spanID)
    }

    @Test func unsampledSpansAreNotMirrored() throws {
        let telemetry = Telemetry(configuration: .init(sampler: .alwaysOff))
        try telemetry.attach("tracing", to: TracingTelemetryHandler.patterns, handler: TracingTelemetryHandler(tracer: tracer))

        telemetry.withSpan("shop.render") { _ in }

        #expect(tracer.finishedSpans.isEmpty)
    }

    @Test func plainEventsNamedLikeSpanEventsAreIgnored() throws {
        telemetry.withSpan("outer") { _ in
            telemetry.emit("cache.warmup.start")
            telemetry.emit("cache.warmup.stop")
        }

        #expect(tracer.finishedSpans.map(\.operationName) == ["outer"])
        #expect(tracer.activeSpans.isEmpty)
    }
}
