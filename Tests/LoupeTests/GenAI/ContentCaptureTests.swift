import Loupe
import LoupeTesting
import Testing

struct ContentCaptureTests {
    @Test func isOffByDefault() {
        #expect(!Telemetry.Configuration.default.contentCapture.isEnabled)
        #expect(!ContentCapture.off.isEnabled)
        #expect(ContentCapture.redacted().isEnabled)
    }

    @Test func redactionOffRecordsVerbatim() async throws {
        let harness = Harness(contentCapture: .redacted(.off))

        await harness.telemetry.retrieval(dataSource: "kb", query: "mail ann@example.com") { _ in }

        #expect(harness.only(EventName.retrieval.stop)?.metadata[GenAIAttributes.retrievalQueryText] == "mail ann@example.com")
    }
}
