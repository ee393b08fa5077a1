import Hummingbird
import HummingbirdTesting
import Loupe
import LoupeTesting
import Prometheus
import Testing

/// What an application gets when it backs the metrics bridge with swift-prometheus and serves
/// the registry: the OpenTelemetry GenAI metric names, with the conventions' buckets.
struct PrometheusExpositionTests {
    @Test func theGenAIMetricsAppearOnMetrics() async throws {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        let definitions = MetricDefinition.genAIDefaults
        factory.durationHistogramBuckets = definitions.durationHistogramBuckets
        factory.valueHistogramBuckets = definitions.valueHistogramBuckets
        let metrics = MetricsTelemetryHandler(definitions: definitions, factory: factory)

        let clock = ManualTelemetryClock()
        let telemetry = Telemetry(configuration: .init(clock: clock))
        try telemetry.attach("metrics", to: metrics.patterns, handler: metrics)
        await telemetry.llmCall(LLMRequest(provider: "anthropic", model: "claude-sonnet-4", isStreaming: true)) {
            call in
            clock.advance(by: .milliseconds(250))
            call.recordChunk()
            clock.advance(by: .seconds(2))
            call.recordUsage(TokenUsage(input: 900, output: 120))
        }

        let router = Router()
        router.get("/metrics") { _, _ in registry.emitToString() }
        let exposition = try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
        }

        let labels = #"gen_ai_operation_name="chat",gen_ai_provider_name="anthropic",gen_ai_request_model="claude-sonnet-4""#
        #expect(exposition.contains("# TYPE gen_ai_client_token_usage histogram"))
        #expect(exposition.contains("# TYPE gen_ai_client_operation_duration histogram"))
        #expect(exposition.contains("# TYPE gen_ai_client_operation_time_to_first_chunk histogram"))
        #expect(exposition.contains("gen_ai_client_token_usage_sum{\(labels),gen_ai_token_type=\"input\"} 900"))
        #expect(exposition.contains("gen_ai_client_operation_duration_bucket{\(labels),le=\"2.56\"} 1"))
        #expect(exposition.contains("gen_ai_client_operation_duration_bucket{\(labels),le=\"1.28\"} 0"))
        #expect(exposition.contains("gen_ai_client_operation_time_to_first_chunk_bucket{\(labels),le=\"0.32\"} 1"))
    }
}
