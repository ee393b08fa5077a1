import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeCore
import LoupeOTLP
import NIOCore
import SwiftProtobuf
import Testing

@Suite("OTLP/HTTP logs on a live server")
struct OTLPLogsReceiverTests {
    static let trace = "5b8efff798038103d269b633813fc60c"
    static let span = "eee19b7ec3c1b174"

    static let spans = ByteBuffer(string: """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"bot"}}]},
          "scopeSpans":[{"spans":[{"traceId":"\(trace)","spanId":"\(span)","name":"openai.chat","kind":3,
          "startTimeUnixNano":"\(LiveServer.now - 60_000_000_000)","endTimeUnixNano":"\(LiveServer.now - 59_000_000_000)",
          "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
            {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o-mini"}}]}]}]}]}
        """)

    static func record(_ event: String, span: String, content: String, at offset: Int64) -> String {
        """
        {"timeUnixNano":"\(LiveServer.now - 60_000_000_000 + offset)","eventName":"\(event)","traceId":"\(trace)","spanId":"\(span)",
         "body":{"kvlistValue":{"values":[{"key":"content","value":{"stringValue":"\(content)"}}]}},
         "attributes":[{"key":"gen_ai.provider.name","value":{"stringValue":"openai"}}]}
        """
    }

    /// OpenLLMetry's events path: the messages as events of the call's span, and one event of a span that never arrived.
    static let logs = ByteBuffer(string: """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"bot"}}]},
          "scopeLogs":[{"scope":{"name":"opentelemetry.instrumentation.openai.v1"},"logRecords":[
            \(record("gen_ai.user.message", span: span, content: "I am jane.doe@example.com <script>alert(1)</script>", at: 1_000)),
            \(record("gen_ai.choice", span: span, content: "Hello Jane", at: 2_000)),
            \(record("gen_ai.user.message", span: "00f067aa0ba902b7", content: "from a span not received", at: 3_000)),
            {"timeUnixNano":"\(LiveServer.now)","traceId":"\(trace)","spanId":"\(span)","eventName":"gen_ai.choice","body":{"stringValue":"x"},
             "attributes":[{"key":"n","value":{"intValue":"1"}}],"droppedAttributesCount":0,"flags":1},
            {"timeUnixNano":"\(LiveServer.now + 2 * 86_400_000_000_000)","traceId":"\(trace)","eventName":"gen_ai.choice"}
          ]}]}]}
        """)

    @Test func genAIEventsAreStoredRedactedWithTheirSpanAndShownInTheTrace() async throws {
        try await LiveServer.run { client, _ in
            #expect(try await LiveServer.post(client, Self.spans, contentType: "application/json").status == .ok)
            let response = try await LiveServer.post(client, Self.logs, contentType: "application/json", path: "/v1/logs")
            #expect(response.status == .ok)
            let answer = try OTLPExportLogsServiceResponse(jsonUTF8Data: Data(response.body.readableBytesView))
            #expect(answer.partialSuccess.rejectedLogRecords == 1)
            #expect(answer.partialSuccess.errorMessage.contains("more than a day in the future"))
            // Sent again (an exporter's retry): stored once.
            #expect(try await LiveServer.post(client, Self.logs, contentType: "application/json", path: "/v1/logs").status == .ok)

            let (status, trace) = try await LiveServer.json(client, "/api/v1/traces/\(Self.trace)")
            #expect(status == .ok)
            let span = try #require((trace["spans"] as? [[String: Any]])?.first)
            let logs = try #require(span["logs"] as? [[String: Any]])
            #expect(logs.map { $0["event_name"] as? String } == ["gen_ai.user.message", "gen_ai.choice", "gen_ai.choice"])
            let first = try #require((logs[0]["body"] as? [String: Any])?["content"] as? String)
            #expect(!first.contains("jane.doe@example.com") && first.contains("[EMAIL]"))
            #expect((logs[0]["attributes"] as? [String: Any])?["loupe.redacted.email"] as? Int == 1)
            // The record of a span never received stays with the trace.
            let orphans = try #require(trace["logs"] as? [[String: Any]])
            #expect(orphans.count == 1 && orphans[0]["span_id"] as? String == "00f067aa0ba902b7")

            let (_, state) = try await LiveServer.json(client, "/api/v1/status")
            #expect((state["ingest"] as? [String: Any])?["log_records_accepted"] as? Int == 8)
            #expect((state["ingest"] as? [String: Any])?["log_records_rejected"] as? Int == 2)

            // The trace page shows the messages as the span's content, escaped.
            let page = try await client.execute(uri: "/ui/traces/\(Self.trace)?span=\(Self.span)", method: .get)
            let html = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(html.contains("gen_ai.user.message"))
            #expect(html.contains("Hello Jane"))
            #expect(!html.contains("<script>alert(1)</script>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func anUnreadableBodyIsABadRequestThatNamesTheMessage() async throws {
        try await LiveServer.run { client, _ in
            let response = try await LiveServer.post(client, ByteBuffer(bytes: [0x0A, 0xFF, 0x01]), path: "/v1/logs")
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("ExportLogsServiceRequest"))
        }
    }
}
