import Foundation
import Hummingbird
import LoupeAnalytics
import LoupeStore

/// `POST /api/v1/scores` (feedback, annotations, evaluations) and `GET /api/v1/scores`.
struct ScoreRoutes: Sendable {
    let store: any TelemetryStore
    let now: @Sendable () -> Int64

    /// Most scores in one request, so one request cannot hold the writer for long.
    static var maxScores: Int { 1_000 }

    func addRoutes(to router: Router<LoupeRequestContext>) {
        let api = router.group("api/v1")
        api.post("scores") { request, context in try await post(request, keyProject: context.grant?.project) }
        api.get("scores") { request, _ in try await list(request) }
    }

    /// `keyProject`: the project of the key the scores were sent with, which they are stored in.
    func post(_ request: Request, keyProject: String? = nil) async throws -> ScoresWrittenBody {
        let body = try await request.body.collect(upTo: 4 << 20)
        let data = Data(body.readableBytesView)
        let payloads: [ScorePayload]
        do {
            if data.first(where: { !$0.isWhitespace }) == UInt8(ascii: "[") {
                payloads = try JSONDecoder().decode([ScorePayload].self, from: data)
            } else {
                payloads = [try JSONDecoder().decode(ScorePayload.self, from: data)]
            }
        } catch {
            throw APIError(status: .badRequest, message: "the body must be a JSON score or an array of scores: \(Self.describe(error))")
        }
        guard !payloads.isEmpty else { throw APIError(status: .badRequest, message: "no scores in the body") }
        guard payloads.count <= Self.maxScores else {
            throw APIError(status: .badRequest, message: "\(payloads.count) scores in one request; send at most \(Self.maxScores)")
        }
        // Every score is checked before any is stored: a request is taken whole or not at all.
        let at = now()
        var scores: [Score] = []
        for (index, payload) in payloads.enumerated() {
            var payload = payload
            if let keyProject { payload.project = keyProject }
            do {
                scores.append(try payload.score(now: at))
            } catch {
                let which = payloads.count > 1 ? "score \(index): " : ""
                throw APIError(status: .badRequest, message: "invalid \(which)\(error.field) \(error.reason)", parameter: error.field)
            }
        }
        let new = try await store.writeScores(scores)
        return ScoresWrittenBody(stored: scores.count, new: new, ids: scores.map(\.id))
    }

    func list(_ request: Request) async throws -> ScoreListBody {
        let p = try QueryParameters(
            request.uri, businessDimensions: [], allowed: ["from", "to", "project", "trace_id", "session_id", "name", "source", "limit"]
        )
        // A score given this instant is stamped "now": the default range ends a second later to hold it.
        let range = try p.range(now: now() + 1_000_000_000, defaultSeconds: 86_400)
        var source: ScoreSource?
        if let text = p.string("source") {
            guard let known = ScoreSource(rawValue: text) else {
                throw APIError.badParameter("source", "unknown source '\(text)'; use \(ScoreSource.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            source = known
        }
        let query = ScoreQuery(
            fromNanos: range.fromNanos, toNanos: range.toNanos, project: p.string("project"), name: p.string("name"),
            traceId: p.string("trace_id")?.lowercased(), sessionId: p.string("session_id"), source: source,
            limit: try p.int("limit", default: 100, range: 1...10_000)
        )
        return ScoreListBody(scores: try await store.scores(query).map(ScoreListBody.Item.init))
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "not a score"
        }
    }
}

private extension UInt8 {
    var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
