import CompressNIO
import CoreMetrics
import Foundation
import InMemoryTracing
import Loupe
import LoupeOTLP
import NIOCore
import Synchronization
import Tracing

/// Loupe SDK costs, each next to the equivalent swift-distributed-tracing operation.
let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let measure = Measure(iterations: iterations)
var results: [Measure.Result] = []

struct CountingHandler: TelemetryHandler {
    func handle(_ event: TelemetryEvent) throws { blackHole(event.measurements.count) }
}

// Nobody listening: the promise is one atomic load and a branch, no allocation.
let idle = Telemetry()
results.append(measure.run("emit, no handler") {
    idle.emit("app.cache.lookup", measurements: ["hits": 1], metadata: ["cache": "embeddings"])
})
results.append(measure.run("withSpan, no handler") {
    idle.withSpan("app.step", name: "step") { blackHole($0) }
})

// One handler attached to the event's prefix.
let listened = Telemetry()
try listened.attach("bench", to: [.prefix("app")], handler: CountingHandler())
results.append(measure.run("emit, one handler") {
    listened.emit("app.cache.lookup", measurements: ["hits": 1], metadata: ["cache": "embeddings"])
})
results.append(measure.run("withSpan, one handler") {
    listened.withSpan("app.step", name: "step") { blackHole($0) }
})

// swift-distributed-tracing equivalents.
let noop = NoOpTracer()
results.append(measure.run("tracing: NoOpTracer withSpan") {
    noop.withSpan("step") { blackHole($0) }
})
let memory = InMemoryTracer()
results.append(measure.run("tracing: InMemoryTracer withSpan", ) {
    memory.withSpan("step") { span in
        span.attributes["gen_ai.request.model"] = "gpt-4o-mini"
        blackHole(span)
    }
    _ = memory.popFinishedSpans()
})

// A full LLM call through the GenAI helper, recorded as GenAI metrics (swift-metrics' no-op backend,
// so this is Loupe's own cost), next to a span with the same attributes in swift-distributed-tracing.
results.append(try await AsyncCases.llmCallThroughMetrics(measure))
let request = LLMRequest(provider: "openai", model: "gpt-4o-mini", temperature: 0.2)
results.append(measure.run("tracing: InMemoryTracer LLM-shaped span") {
    memory.withSpan("chat gpt-4o-mini") { span in
        span.attributes["gen_ai.operation.name"] = "chat"
        span.attributes["gen_ai.provider.name"] = "openai"
        span.attributes["gen_ai.request.model"] = "gpt-4o-mini"
        span.attributes["gen_ai.usage.input_tokens"] = 900
        span.attributes["gen_ai.usage.output_tokens"] = 120
    }
    _ = memory.popFinishedSpans()
})

// The exporter's CPU per 10,000 spans: finished spans to OTLP protobuf, gzipped (what it sends).
let recorder = Telemetry()
let collected = SpanCollector()
try recorder.attach("collect", to: [.all], handler: collected)
for _ in 0..<10_000 {
    await recorder.llmCall(request) { call in call.recordUsage(TokenUsage(input: 900, output: 120)) }
}
let finished = collected.spans
let resource: [String: AttributeValue] = ["service.name": "bench"]
let exportMeasure = Measure(iterations: 20)
let export = try exportMeasure.run("exporter: encode + gzip 10,000 spans", operationsPerIteration: 1) {
    let raw = finished.map { $0.toRawSpan(resource: resource) }
    var buffer = ByteBuffer(bytes: (try? OTLPTraceEncoder.protobufBody(from: raw)) ?? [])
    blackHole(try? buffer.compress(with: .gzip()))
}
results.append(export)

let width = results.map(\.name.count).max() ?? 0
print("Loupe SDK benchmarks, \(iterations) iterations each (release, allocations counted by the malloc interposer)")
for r in results {
    let name = r.name.padding(toLength: width, withPad: " ", startingAt: 0)
    print("\(name)  \(String(format: "%10.1f", r.nanosPerOperation)) ns/op  \(String(format: "%8.2f", r.allocationsPerOperation)) allocs/op")
}
print(String(format: "exporter CPU per 10,000 spans: %.1f ms", export.nanosPerOperation / 1e6))

/// Keeps the finished spans of stop events, as the exporter's queue does.
final class SpanCollector: TelemetryHandler, Sendable {
    private let collected = Mutex<[FinishedSpan]>([])
    var spans: [FinishedSpan] { collected.withLock { $0 } }
    func handle(_ event: TelemetryEvent) throws {
        if let span = event.finishedSpan { collected.withLock { $0.append(span) } }
    }
}
