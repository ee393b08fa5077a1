/// The shell script that replays a ``ReproRequest`` with `curl` against an OpenAI-compatible
/// endpoint. It holds the request itself, so the script alone reproduces the failure.
enum ReproScript {
    /// The heredoc delimiter; the JSON body is one line, so it can never contain it.
    private static let delimiter = "LOUPE_REPRO_REQUEST"

    static func render(_ request: ReproRequest, bodyJSON: String) -> String {
        let capturedAt = UTCTimestamp.iso8601(unixNanos: request.capturedAtUnixNanos)
        var lines = [
            "#!/bin/sh",
            "# Replays a failed LLM call captured by Loupe at \(capturedAt).",
            "# Provider: \(comment(request.provider ?? "unknown")) · model: \(comment(request.model))",
        ]
        if let traceID = request.traceID, let spanID = request.spanID {
            lines.append("# Trace \(traceID), span \(spanID).")
        }
        if request.errorType != nil || request.errorMessage != nil {
            let error = [request.errorType, request.errorMessage].compactMap { $0 }.joined(separator: ": ")
            lines.append("# Error: \(comment(String(error.prefix(500))))")
        }
        lines += [
            request.contentCaptured
                ? "# Texts were redacted before they were written: restore what the failure depends on."
                : "# Content capture was off: put the prompt into the request below.",
            "# Run: OPENAI_API_KEY=<key for this provider> sh <this file>",
            "# (LOUPE_REPRO_BASE_URL=<url> sends it to another OpenAI-compatible server.)",
            "set -eu",
            "curl -sS \"${LOUPE_REPRO_BASE_URL:-\(request.baseURL)}/chat/completions\" \\",
            "  -H \"Authorization: Bearer ${OPENAI_API_KEY:?set OPENAI_API_KEY}\" \\",
            "  -H \"Content-Type: application/json\" \\",
            "  --data-binary @- <<'\(delimiter)'",
            bodyJSON,
            delimiter,
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` made safe for a shell comment: one line, no control characters.
    private static func comment(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }
        return String(String.UnicodeScalarView(scalars))
    }
}
