import Crypto
import Foundation
import LoupeStore

/// One score as `POST /api/v1/scores` receives it.
///
/// ```json
/// {"trace_id": "…", "name": "user_satisfaction", "value": false, "source": "user_feedback",
///  "user_id": "u-42", "comment": "wrong plan"}
/// ```
/// `value` is a number, `true`/`false` or a string (a category); `min`/`max` give a number's scale.
/// Exactly one target: `trace_id` (with `span_id` for one span) or `session_id`.
struct ScorePayload: Decodable, Sendable {
    var id: String?
    var project: String?
    var traceId: String?
    var spanId: String?
    var sessionId: String?
    var name: String?
    var value: Value?
    var min: Double?
    var max: Double?
    var comment: String?
    var userId: String?
    var source: String?
    var timestamp: Value?

    enum Value: Decodable, Sendable {
        case number(Double)
        case bool(Bool)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, project, name, value, min, max, comment, source, timestamp
        case traceId = "trace_id", spanId = "span_id", sessionId = "session_id", userId = "user_id"
    }

    static let maxNameLength = 200
    static let maxCommentLength = 4_000

    /// The score, or the reason it is refused (naming the field).
    func score(now: Int64) throws(ScorePayloadError) -> Score {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { throw .init("name", "is required, e.g. \"user_satisfaction\"") }
        guard name.count <= Self.maxNameLength else { throw .init("name", "is longer than \(Self.maxNameLength) characters") }
        let target = try target()
        let range = try range()
        let value = try scoreValue(range: range)
        if let comment, comment.count > Self.maxCommentLength { throw .init("comment", "is longer than \(Self.maxCommentLength) characters") }
        let source = try scoreSource()
        let at = try time(now: now)
        let project = project.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        let id = try id.map { text throws(ScorePayloadError) -> String in
            guard !text.isEmpty, text.count <= 200 else { throw .init("id", "must be 1 to 200 characters") }
            return text
        } ?? Self.naturalId(project: project, target: target, name: name, userId: userId, source: source)
        return Score(
            id: id, project: project, target: target, name: name, value: value, range: range, comment: comment, userId: userId,
            source: source, timestampNanos: at
        )
    }

    /// Without a client id, one score per project, target, name, user and source: a retry, or a
    /// user changing their mind, replaces the score rather than adding one.
    static func naturalId(project: String, target: ScoreTarget, name: String, userId: String?, source: ScoreSource) -> String {
        let key = [project, target.traceId ?? "", target.spanId ?? "", target.sessionId ?? "", name, userId ?? "", source.rawValue]
            .joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(key.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private func target() throws(ScorePayloadError) -> ScoreTarget {
        let trace = traceId?.lowercased(), span = spanId?.lowercased()
        if let trace {
            guard sessionId == nil else { throw .init("session_id", "give trace_id (and span_id) or session_id, not both") }
            guard trace.count == 32, trace.allSatisfy(\.isHexDigit) else { throw .init("trace_id", "'\(trace)' is not a 32-character hex trace id") }
            guard let span else { return .trace(traceId: trace) }
            guard span.count == 16, span.allSatisfy(\.isHexDigit) else { throw .init("span_id", "'\(span)' is not a 16-character hex span id") }
            return .span(traceId: trace, spanId: span)
        }
        guard span == nil else { throw .init("span_id", "needs the trace_id it belongs to") }
        guard let session = sessionId, !session.isEmpty else { throw .init("trace_id", "give trace_id (and span_id) or session_id") }
        guard session.count <= 200 else { throw .init("session_id", "is longer than 200 characters") }
        return .session(sessionId: session)
    }

    private func range() throws(ScorePayloadError) -> ClosedRange<Double>? {
        switch (min, max) {
        case (nil, nil): return nil
        case let (low?, high?):
            guard low.isFinite, high.isFinite, low < high else { throw .init("min", "must be below max") }
            return low...high
        default: throw .init(min == nil ? "min" : "max", "min and max come together")
        }
    }

    private func scoreValue(range: ClosedRange<Double>?) throws(ScorePayloadError) -> ScoreValue {
        switch value {
        case nil: throw .init("value", "is required: a number, true or false, or a category")
        case .bool(let flag)?:
            guard range == nil else { throw .init("min", "a yes-or-no score has no scale") }
            return .boolean(flag)
        case .number(let number)?:
            guard number.isFinite else { throw .init("value", "must be a finite number") }
            if let range, !range.contains(number) { throw .init("value", "\(number) is outside min…max (\(range.lowerBound)…\(range.upperBound))") }
            return .numeric(number)
        case .text(let label)?:
            guard !label.isEmpty, label.count <= Self.maxNameLength else { throw .init("value", "a category must be 1 to \(Self.maxNameLength) characters") }
            guard range == nil else { throw .init("min", "a category has no scale") }
            return .categorical(label)
        }
    }

    private func scoreSource() throws(ScorePayloadError) -> ScoreSource {
        guard let source else { return .userFeedback }
        guard let known = ScoreSource(rawValue: source), known != .instrumentation else {
            let names = ScoreSource.allCases.filter { $0 != .instrumentation }.map(\.rawValue).joined(separator: ", ")
            throw .init("source", "unknown source '\(source)'; use \(names)")
        }
        return known
    }

    private func time(now: Int64) throws(ScorePayloadError) -> Int64 {
        switch timestamp {
        case nil: return now
        case .number(let seconds)?:
            guard let nanos = Timestamps.parse(String(seconds)) else { throw .init("timestamp", "is not unix seconds") }
            return nanos
        case .text(let text)?:
            guard let nanos = Timestamps.parse(text) else { throw .init("timestamp", "'\(text)' is neither RFC 3339 nor unix seconds") }
            return nanos
        case .bool?: throw .init("timestamp", "is neither RFC 3339 nor unix seconds")
        }
    }
}

/// A score refused, naming the field at fault.
struct ScorePayloadError: Error, Sendable {
    var field: String
    var reason: String

    init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }
}
