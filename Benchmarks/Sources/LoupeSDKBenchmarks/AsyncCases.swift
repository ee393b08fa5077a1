import CoreMetrics
import Loupe

/// Asynchronous cases run here, off the main actor: `main.swift`'s top level is main-actor code, and
/// awaiting from it would add two thread hops per call that a server, running on the concurrency
/// pool, never pays.
enum AsyncCases {
    nonisolated static func llmCallThroughMetrics(_ measure: Measure) async throws -> Measure.Result {
        let metered = Telemetry()
        let metrics = MetricsTelemetryHandler(definitions: MetricDefinition.genAIDefaults, factory: NOOPMetricsHandler.instance)
        try metered.attach("metrics", to: metrics.patterns, handler: metrics)
        let request = LLMRequest(provider: "openai", model: "gpt-4o-mini", temperature: 0.2)
        return await measure.run("LLM call through the metrics handler") {
            await metered.llmCall(request) { call in
                call.recordResponse(model: "gpt-4o-mini-2024-07-18", finishReasons: ["stop"])
                call.recordUsage(TokenUsage(input: 900, output: 120))
            }
        }
    }
}
