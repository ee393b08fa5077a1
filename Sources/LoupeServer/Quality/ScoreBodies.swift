import Hummingbird
import LoupeStore

/// What `POST /api/v1/scores` answers: how many were stored, how many ids were new, and the ids
/// (given or derived), in the order sent.
struct ScoresWrittenBody: ResponseEncodable, Sendable {
    var stored: Int
    var new: Int
    var ids: [String]
}

/// `GET /api/v1/scores`: newest first.
struct ScoreListBody: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var id: String
        var project: String
        var traceId: String?
        var spanId: String?
        var sessionId: String?
        var name: String
        var dataType: String
        var value: Value
        var min: Double?
        var max: Double?
        var comment: String?
        var userId: String?
        var source: String
        var timestamp: String

        enum Value: Encodable, Sendable {
            case number(Double), bool(Bool), text(String)

            func encode(to encoder: any Encoder) throws {
                var c = encoder.singleValueContainer()
                switch self {
                case .number(let v): try c.encode(v)
                case .bool(let v): try c.encode(v)
                case .text(let v): try c.encode(v)
                }
            }
        }

        enum CodingKeys: String, CodingKey {
            case id, project, name, value, min, max, comment, source, timestamp
            case traceId = "trace_id", spanId = "span_id", sessionId = "session_id", dataType = "data_type", userId = "user_id"
        }

        init(_ s: Score) {
            id = s.id
            project = s.project
            traceId = s.target.traceId
            spanId = s.target.spanId
            sessionId = s.target.sessionId
            name = s.name
            dataType = s.value.kind
            switch s.value {
            case .numeric(let v): value = .number(v)
            case .boolean(let v): value = .bool(v)
            case .categorical(let v): value = .text(v)
            }
            min = s.range?.lowerBound
            max = s.range?.upperBound
            comment = s.comment
            userId = s.userId
            source = s.source.rawValue
            timestamp = Timestamps.format(nanos: s.timestampNanos)
        }
    }

    var scores: [Item]
}
