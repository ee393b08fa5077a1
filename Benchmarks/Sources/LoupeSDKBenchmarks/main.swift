import Foundation
import InMemoryTracing
import Loupe
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

let width = results.map(\.name.count).max() ?? 0
print("Loupe SDK benchmarks, \(iterations) iterations each (release, allocations counted by the malloc interposer)")
for r in results {
    let name = r.name.padding(toLength: width, withPad: " ", startingAt: 0)
    print("\(name)  \(String(format: "%10.1f", r.nanosPerOperation)) ns/op  \(String(format: "%8.2f", r.allocationsPerOperation)) allocs/op")
}
