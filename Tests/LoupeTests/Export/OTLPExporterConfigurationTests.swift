import Loupe
import Testing

struct OTLPExporterConfigurationTests {
    @Test func defaultsAreTheOpenTelemetrySDKDefaults() {
        let configuration = OTLPExporter.Configuration.default
        #expect(configuration.endpoint == "http://localhost:4318/v1/traces")
        #expect(configuration.compression == .gzip)
        #expect(configuration.maxQueueSize == 2_048)
        #expect(configuration.maxBatchSize == 512)
        #expect(configuration.maxDelay == .seconds(5))
        #expect(configuration.resource["service.name"] == "unknown_service")
    }

    @Test func theBaseEndpointGetsTheTracesPath() {
        let configuration = OTLPExporter.Configuration.default.applyingEnvironment([
            "OTEL_EXPORTER_OTLP_ENDPOINT": "https://collector.example:4318/"
        ])
        #expect(configuration.endpoint == "https://collector.example:4318/v1/traces")
    }

    @Test func theTracesEndpointIsUsedAsIsAndWins() {
        let configuration = OTLPExporter.Configuration.default.applyingEnvironment([
            "OTEL_EXPORTER_OTLP_ENDPOINT": "https://collector.example:4318",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "https://traces.example/custom",
        ])
        #expect(configuration.endpoint == "https://traces.example/custom")
    }

    @Test func resourceAttributesArePercentDecodedAndTheServiceNameWins() {
        let configuration = OTLPExporter.Configuration.default.applyingEnvironment([
            "OTEL_RESOURCE_ATTRIBUTES": "service.name=from-attributes, deployment.environment=prod,team=gen%20ai%2Crag",
            "OTEL_SERVICE_NAME": "rag-api",
        ])
        #expect(configuration.resource["service.name"] == "rag-api")
        #expect(configuration.resource["deployment.environment"] == "prod")
        #expect(configuration.resource["team"] == "gen ai,rag")
        #expect(configuration.resource["telemetry.sdk.name"] == "loupe")
    }

    @Test(arguments: ["team=rag,broken", "=value", "team=bad%zz"])
    func aMalformedResourceAttributesVariableIsIgnoredWhole(value: String) {
        let configuration = OTLPExporter.Configuration.default.applyingEnvironment([
            "OTEL_RESOURCE_ATTRIBUTES": value
        ])
        #expect(configuration.resource == OTLPExporter.Configuration.defaultResource)
    }

    @Test func emptyVariablesCountAsUnset() {
        let configuration = OTLPExporter.Configuration.default.applyingEnvironment([
            "OTEL_EXPORTER_OTLP_ENDPOINT": "", "OTEL_SERVICE_NAME": "  ",
        ])
        #expect(configuration.endpoint == OTLPExporter.Configuration.default.endpoint)
        #expect(configuration.resource["service.name"] == "unknown_service")
    }
}
