import LoupeCore
import Testing

@Suite("ErrorSignal")
struct ErrorSignalTests {
    @Test("a span's error fields, status attribute and exception event become the signal")
    func fromSpan() {
        let span = SpanRecord(
            traceId: String(repeating: "a", count: 32), spanId: String(repeating: "b", count: 16), name: "chat gpt-4o",
            operation: .llm, startNanos: 0, endNanos: 1, status: .error, errorType: "openai.RateLimitError",
            provider: "openai", attributes: ["http.response.status_code": 429, "error.code": "rate_limit_exceeded"],
            events: [
                SpanEvent(
                    name: "exception", timeNanos: 1,
                    attributes: ["exception.type": "openai.RateLimitError", "exception.message": "Rate limit reached"])
            ])
        let signal = ErrorSignal(span: span)
        #expect(signal.httpStatus == 429)
        #expect(signal.errorType == "openai.RateLimitError")
        #expect(signal.exceptionType == "openai.RateLimitError")
        #expect(signal.message == "Rate limit reached")
        #expect(signal.code == "rate_limit_exceeded")
        #expect(signal.provider == "openai")
        #expect(signal.operation == .llm)
        #expect(ErrorClassifier().classify(signal).category == .rateLimit)
    }

    @Test("the span's own error message wins over the exception event's")
    func statusMessageFirst() {
        let span = SpanRecord(
            traceId: "t", spanId: "s", name: "n", startNanos: 0, endNanos: 1, status: .error, errorMessage: "summary",
            events: [SpanEvent(name: "exception", timeNanos: 1, attributes: ["exception.message": "detail"])])
        #expect(ErrorSignal(span: span).message == "summary")
        #expect(ErrorSignal(span: span).httpStatus == nil)
    }
}
