import Foundation
import Logging
import Loupe
import LoupeTesting
import Testing

struct JSONLogHandlerTests {
    let output = LineCollector()
    let clock = ManualTelemetryClock()

    func logger(_ label: String = "rag", clock: ManualTelemetryClock? = nil) -> Logger {
        let (output, clock) = (output, clock ?? self.clock)
        var logger = Logger(label: label) { JSONLogHandler(label: $0, output: .stream(output), clock: clock) }
        logger.logLevel = .debug
        return logger
    }

    @Test func eachLineIsOneJSONObjectWithTheStandardFields() throws {
        logger().warning("retrieval \"slow\"\nsecond line", metadata: ["k": "v"])

        #expect(output.lines.count == 1)
        let line = try #require(try output.objects().first)
        #expect(line["timestamp"] as? String == "2023-11-14T22:13:20.000000Z")
        #expect(line["level"] as? String == "warning")
        #expect(line["label"] as? String == "rag")
        #expect(line["message"] as? String == "retrieval \"slow\"\nsecond line")
        #expect(line["source"] as? String == "LoupeTests")
        #expect((line["file"] as? String)?.hasSuffix("JSONLogHandlerTests.swift") == true)
        #expect(line["line"] is Int)
        #expect(line["metadata"] as? [String: String] == ["k": "v"])
        #expect(line["trace_id"] == nil)
    }

    @Test func linesInsideASpanCarryItsTraceAndSpanIDs() throws {
        let telemetry = Telemetry.recorded(into: TelemetryRecorder())
        let context = telemetry.withSpan("rag.answer") { span in
            logger().info("answering")
            return span.context
        }

        let line = try #require(try output.objects().first)
        #expect(line["trace_id"] as? String == context?.traceID.hexString)
        #expect(line["span_id"] as? String == context?.spanID.hexString)
    }

    @Test func metadataKeepsItsStructure() throws {
        var logger = logger()
        logger[metadataKey: "request.id"] = "r-1"
        logger.info("done", metadata: ["hits": ["a", "b"], "usage": ["input": "3", "output": .stringConvertible(4)]])

        let metadata = try #require(try output.objects().first?["metadata"] as? [String: Any])
        #expect(metadata["request.id"] as? String == "r-1")
        #expect(metadata["hits"] as? [String] == ["a", "b"])
        #expect(metadata["usage"] as? [String: String] == ["input": "3", "output": "4"])
    }

    @Test(arguments: [
        (Int64(1_709_208_000_123_456_789), "2024-02-29T12:00:00.123456Z"),
        (Int64(-500_000_000), "1969-12-31T23:59:59.500000Z"),
        (Int64(0), "1970-01-01T00:00:00.000000Z"),
    ])
    func timestampsAreISO8601UTCWithMicroseconds(unixNanos: Int64, expected: String) throws {
        logger(clock: ManualTelemetryClock(unixNanos: unixNanos)).info("tick")

        #expect(try output.objects().first?["timestamp"] as? String == expected)
    }

    @Test func theLogLevelFilters() {
        var logger = logger()
        logger.logLevel = .notice
        logger.info("hidden")
        logger.notice("shown")

        #expect(output.lines.count == 1)
    }
}
