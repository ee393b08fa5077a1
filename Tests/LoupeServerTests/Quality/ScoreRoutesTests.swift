import Foundation
import HTTPTypes
import HummingbirdTesting
import LoupeServer
import LoupeStore
import LoupeStoreSQLite
import NIOCore
import Testing

@Suite("Scores API on a live server")
struct ScoreRoutesTests {
    static let trace = "4bf92f3577b34da6a3ce929d0e0e4736"

    static func post(_ client: any TestClientProtocol, _ json: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        let response = try await client.execute(
            uri: "/api/v1/scores", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json)
        )
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    static func message(_ body: [String: Any]) -> String { (body["error"] as? [String: Any])?["message"] as? String ?? "" }

    @Test func feedbackIsStoredOncePerUserAndChangesWhenSentAgain() async throws {
        try await LiveServer.run { client, store in
            let thumbsDown = #"{"trace_id": "\#(Self.trace)", "name": "user_satisfaction", "value": false, "user_id": "u-42", "comment": "wrong plan"}"#
            let (status, body) = try await Self.post(client, thumbsDown)
            #expect(status == .ok && body["stored"] as? Int == 1 && body["new"] as? Int == 1)
            // The same user changing their mind replaces the score: the id derives from who and what.
            let (again, second) = try await Self.post(client, thumbsDown.replacingOccurrences(of: "false", with: "true"))
            #expect(again == .ok && second["new"] as? Int == 0 && (second["ids"] as? [String]) == (body["ids"] as? [String]))
            let stars = #"[{"id": "r-1", "session_id": "s-9", "name": "rating", "value": 4, "min": 1, "max": 5, "source": "annotation", "timestamp": "2026-11-27T11:00:00Z"}]"#
            #expect(try await Self.post(client, stars).0 == .ok)

            let (listed, list) = try await LiveServer.json(client, "/api/v1/scores")
            #expect(listed == .ok)
            let scores = try #require(list["scores"] as? [[String: Any]])
            #expect(scores.count == 2)
            #expect(scores[0]["value"] as? Bool == true && scores[0]["source"] as? String == "user_feedback")
            #expect(scores[1]["id"] as? String == "r-1" && scores[1]["value"] as? Double == 4 && scores[1]["max"] as? Double == 5)
            #expect(scores[1]["timestamp"] as? String == "2026-11-27T11:00:00.000Z")
            let byTrace = try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max, traceId: Self.trace))
            #expect(byTrace.count == 1 && byTrace[0].comment == "wrong plan")
        }
    }

    @Test(arguments: [
        (#"{"name": "x", "value": 1}"#, "trace_id", "give trace_id"),
        (#"{"trace_id": "nothex", "name": "x", "value": 1}"#, "trace_id", "32-character"),
        (#"{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "value": 1}"#, "name", "required"),
        (#"{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "name": "x"}"#, "value", "required"),
        (#"{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "name": "x", "value": 7, "min": 1, "max": 5}"#, "value", "outside"),
        (#"{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "name": "x", "value": 1, "source": "robot"}"#, "source", "user_feedback"),
        (#"{"session_id": "s", "span_id": "00f067aa0ba902b7", "name": "x", "value": 1}"#, "span_id", "trace_id"),
        (#"{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "name": "x", "value": true, "min": 0, "max": 1}"#, "min", "no scale"),
    ])
    func badScoresAreRefusedNamingTheField(json: String, field: String, hint: String) async throws {
        try await LiveServer.run { client, store in
            let (status, body) = try await Self.post(client, json)
            #expect(status == .badRequest)
            #expect((body["error"] as? [String: Any])?["parameter"] as? String == field)
            #expect(Self.message(body).contains(hint))
            #expect(try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max)).isEmpty)
        }
    }

    @Test func aBatchWithOneBadScoreStoresNothing() async throws {
        try await LiveServer.run { client, store in
            let batch = #"[{"trace_id": "\#(Self.trace)", "name": "ok", "value": 1}, {"trace_id": "\#(Self.trace)", "name": "bad", "value": "x", "min": 0, "max": 1}]"#
            let (status, body) = try await Self.post(client, batch)
            #expect(status == .badRequest && Self.message(body).contains("score 1"))
            #expect(try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max)).isEmpty)
            let (notJSON, text) = try await Self.post(client, "thumbs up")
            #expect(notJSON == .badRequest && Self.message(text).contains("JSON score"))
            let (wrongType, typed) = try await Self.post(client, #"{"trace_id": 12, "name": "x", "value": 1}"#)
            #expect(wrongType == .badRequest && Self.message(typed).contains("trace_id"))
            let (empty, _) = try await Self.post(client, "[]")
            #expect(empty == .badRequest)
            let (source, unknown) = try await LiveServer.json(client, "/api/v1/scores?source=robot")
            #expect(source == .badRequest && Self.message(unknown).contains("annotation"))
        }
    }
}
