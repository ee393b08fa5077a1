import Foundation
import Synchronization

/// Writes a self-contained reproduction of every failed LLM call: the request (model, parameters,
/// messages when content capture recorded them), redacted, as JSON, and a shell script that
/// replays it with `curl` against the provider's OpenAI-compatible endpoint.
///
/// ```swift
/// let repro = ReproCapture(
///     reportingTo: telemetry, configuration: .init(directory: URL(fileURLWithPath: "/var/tmp/loupe-repro")))
/// try repro.attach()
/// // after a failure:
/// //   repro-20231114T221320.000Z-00f067aa0ba902b7.json
/// //   repro-20231114T221320.000Z-00f067aa0ba902b7.sh   → OPENAI_API_KEY=… sh repro-….sh
/// ```
///
/// The script reads the key from `$OPENAI_API_KEY` at run time; no credential is ever written.
/// Texts are redacted with ``Redactor`` before they reach the disk. Files are capped in size and
/// in number (oldest removed), and one failure per provider, model and error type is captured per
/// ``Configuration/minimumInterval``.
///
/// Files are written on the failing task, under a lock that keeps pruning consistent; the
/// interval keeps this to a handful of small writes even during an outage.
public final class ReproCapture: TelemetryHandler, Sendable {
    private struct State {
        /// Monotonic time of the last capture, by provider, model and error type.
        var lastCapture: [String: UInt64] = [:]
        var sequence = 0
    }

    /// The directory and limits.
    public let configuration: Configuration
    private let telemetry: Telemetry
    private let clock: any TelemetryClock
    private let redactor: Redactor
    private let state = Mutex(State())

    /// - Parameters:
    ///   - telemetry: where ``EventName/reproCaptured`` and ``EventName/reproFailed`` are emitted;
    ///     its clock dates reproductions.
    ///   - configuration: the directory and limits.
    public init(reportingTo telemetry: Telemetry, configuration: Configuration) {
        self.telemetry = telemetry
        self.clock = telemetry.configuration.clock
        self.configuration = configuration
        self.redactor = Redactor(configuration: configuration.redaction)
    }

    /// Attaches this capture to its telemetry instance's failed LLM calls.
    public func attach(
        id: HandlerID = "loupe.analysis.repro", to patterns: [EventPattern] = [.exact(EventName.llmCall.exception)]
    ) throws(TelemetryAttachError) {
        try telemetry.attach(id, to: patterns, handler: self)
    }

    /// Captures the failed LLM call `event` reports, then emits ``EventName/reproCaptured``, or
    /// ``EventName/reproFailed`` when it could not; other events are ignored.
    public func handle(_ event: TelemetryEvent) {
        guard Self.isFailedLLMCall(event) else { return }
        do {
            guard let files = try capture(event) else { return }
            withSpanContext(event.spanContext) {
                telemetry.emit(
                    .reproCaptured,
                    metadata: [
                        LoupeAttributes.reproPath: .string(files.json.path),
                        LoupeAttributes.reproScriptPath: .string(files.script.path),
                    ])
            }
        } catch {
            // Never thrown to the bus: a throwing handler is detached, and one full disk must not
            // stop every later capture.
            withSpanContext(event.spanContext) {
                telemetry.emit(
                    .reproFailed,
                    metadata: [
                        ErrorAttributes.errorType: .string(ErrorAttributes.typeName(of: error)),
                        ErrorAttributes.exceptionMessage: .string(String(describing: error)),
                    ])
            }
        }
    }

    /// Writes the reproduction of the failed call `event` reports; nil when one like it was
    /// captured within ``Configuration/minimumInterval``.
    ///
    /// - Throws: ``ReproCaptureError/tooLarge(bytes:maximum:)``, or the file system's error.
    @discardableResult
    public func capture(_ event: TelemetryEvent) throws -> ReproFiles? {
        let now = clock.now()
        let request = ReproRequest(
            event: event, redactor: redactor, baseURLs: configuration.baseURLs, capturedAtUnixNanos: now.unixNanos)
        let key = [request.provider ?? "", request.model, request.errorType ?? ""].joined(separator: "\u{1F}")
        let interval = configuration.minimumInterval.nanoseconds
        return try state.withLock { state -> ReproFiles? in
            if let last = state.lastCapture[key], now.monotonicNanos &- last < interval { return nil }
            state.sequence += 1
            let files = try write(request, sequence: state.sequence)
            state.lastCapture[key] = now.monotonicNanos
            if state.lastCapture.count > 1_024 {
                state.lastCapture = state.lastCapture.filter { now.monotonicNanos &- $0.value < interval }
            }
            return files
        }
    }

    private func write(_ request: ReproRequest, sequence: Int) throws -> ReproFiles {
        let (json, script) = try render(request)
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: configuration.directory, withIntermediateDirectories: true)
        let suffix = request.spanID ?? String(sequence)
        let name = "repro-\(UTCTimestamp.compact(unixNanos: request.capturedAtUnixNanos))-\(suffix)"
        let files = ReproFiles(
            json: configuration.directory.appendingPathComponent(name + ".json"),
            script: configuration.directory.appendingPathComponent(name + ".sh"))
        try Data(json.utf8).write(to: files.json, options: .atomic)
        try Data(script.utf8).write(to: files.script, options: .atomic)
        try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: files.script.path)
        try prune()
        return files
    }

    /// The JSON document and script, with message contents cut shorter until both fit.
    private func render(_ request: ReproRequest) throws -> (json: String, script: String) {
        let limit = configuration.maxFileBytes
        var smallest = Int.max
        for maxCharacters in [nil, 8_192, 2_048, 512, 128, 0] as [Int?] {
            let body = request.body(maxContentCharacters: maxCharacters)
            let truncated = maxCharacters != nil
            let json = request.document(body: body, truncated: truncated)
            let script = ReproScript.render(request, bodyJSON: JSONWriter.encode(body))
            let size = max(json.utf8.count, script.utf8.count)
            if size <= limit { return (json, script) }
            smallest = min(smallest, size)
        }
        throw ReproCaptureError.tooLarge(bytes: smallest, maximum: limit)
    }

    /// Removes the oldest reproductions beyond ``Configuration/maxReproductions``. Names start
    /// with the capture time, so name order is age order, whatever the files' modification times.
    private func prune() throws {
        let fileManager = FileManager.default
        let names = try fileManager.contentsOfDirectory(atPath: configuration.directory.path)
            .filter { $0.hasPrefix("repro-") && $0.hasSuffix(".json") }
            .sorted()
        for name in names.dropLast(configuration.maxReproductions) {
            let stem = String(name.dropLast(".json".count))
            for file in [stem + ".json", stem + ".sh"] {
                let url = configuration.directory.appendingPathComponent(file)
                if fileManager.fileExists(atPath: url.path) { try fileManager.removeItem(at: url) }
            }
        }
    }

    /// `loupe.llm.call.exception`, or any other span's `exception` that says it was a model call.
    private static func isFailedLLMCall(_ event: TelemetryEvent) -> Bool {
        if event.name == EventName.llmCall.exception { return true }
        return event.name.rawValue.hasSuffix(".exception")
            && event.metadata[LoupeAttributes.operationKind]?.stringValue == OperationKind.llm.rawValue
    }
}
