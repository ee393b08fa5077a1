import Loupe
import LoupeTesting
import Testing

struct TraceContextPropagatorTests {
    static let traceID = TraceID(high: 0x4bf9_2f35_77b3_4da6, low: 0xa3ce_929d_0e0e_4736)
    static let spanID = SpanID(rawValue: 0x00f0_67aa_0ba9_02b7)

    @Test func formatsTheW3CExample() {
        let context = SpanContext(traceID: Self.traceID, spanID: Self.spanID, isSampled: true)
        #expect(context.traceparent == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    }

    @Test func injectThenExtractRoundTrips() throws {
        let context = SpanContext(traceID: Self.traceID, spanID: Self.spanID, isSampled: false, traceState: "vendor=1")
        var headers: [String: String] = [:]

        TraceContextPropagator.inject(context, into: &headers)
        let extracted = try #require(TraceContextPropagator.extract(from: headers))

        #expect(headers["traceparent"] == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")
        #expect(extracted.traceID == Self.traceID)
        #expect(extracted.spanID == Self.spanID)
        #expect(!extracted.isSampled)
        #expect(extracted.isRemote)
        #expect(extracted.traceState == "vendor=1")
    }

    @Test func injectsTheCurrentSpanByDefault() throws {
        let harness = Harness()
        var headers: [String: String] = [:]

        let context = harness.telemetry.withSpan("client call") { span in
            TraceContextPropagator.inject(into: &headers)
            return span.context
        }

        #expect(headers["traceparent"] == context?.traceparent)
    }

    @Test func injectsNothingOutsideASpan() {
        var headers: [String: String] = [:]
        TraceContextPropagator.inject(into: &headers)
        #expect(headers.isEmpty)
    }

    @Test func extractedContextParentsTheNextSpan() throws {
        let harness = Harness(sampler: .parentBased(root: .alwaysOff))
        let incoming = ["TraceParent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"]

        let parent = TraceContextPropagator.extract(from: incoming)
        withSpanContext(parent) {
            harness.telemetry.withSpan("server handle") { _ in }
        }

        let span = try #require(harness.recorder.finishedSpans.first)
        #expect(span.context.traceID == Self.traceID)
        #expect(span.parentSpanID == Self.spanID)
        #expect(span.context.isSampled)
        #expect(!span.context.isRemote)
    }

    @Test(
        "invalid traceparent headers are ignored",
        arguments: [
            "",
            "garbage",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
            "0x-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
        ])
    func invalidHeadersAreIgnored(_ header: String) {
        #expect(TraceContextPropagator.extract(from: ["traceparent": header]) == nil)
    }

    @Test func laterVersionsMayAppendFields() throws {
        let header = " 01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03-future "
        let context = try #require(SpanContext(traceparent: header))
        #expect(context.traceID == Self.traceID)
        #expect(context.isSampled)
    }

    @Test func hexIDsRoundTrip() {
        #expect(TraceID(hex: Self.traceID.hexString) == Self.traceID)
        #expect(SpanID(hex: "00f067aa0ba902b7") == Self.spanID)
        #expect(SpanID(hex: "00f067aa0ba902b") == nil)
        #expect(TraceID(hex: String(repeating: "0", count: 32)) == nil)
    }
}
