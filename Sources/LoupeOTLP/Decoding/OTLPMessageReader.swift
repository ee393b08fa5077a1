import Foundation
import SwiftProtobuf

/// Reads OTLP request bodies into generated messages, with errors that name the message.
///
/// OTLP JSON differs from proto3 JSON in one way that matters here: trace and span ids are hex, not
/// base64. They are rewritten before SwiftProtobuf reads the message; unknown fields are ignored as
/// OTLP requires.
enum OTLPMessageReader {
    static func decode<Message: SwiftProtobuf.Message>(
        protobuf data: Data, as type: Message.Type, request: String
    ) throws(OTLPDecodingError) -> Message {
        do {
            return try Message(serializedBytes: data)
        } catch {
            throw .malformedProtobuf(String(describing: error), request: request)
        }
    }

    /// `list`: the top-level key (`resourceSpans`) whose elements `rewrite` fixes the ids of.
    static func decode<Message: SwiftProtobuf.Message>(
        _ data: Data, as type: Message.Type, list: String, request: String, rewrite: (Any) -> Any
    ) throws(OTLPDecodingError) -> Message {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformedJSON("not JSON (\(error.localizedDescription))", request: request)
        }
        guard var root = object as? [String: Any] else {
            throw .malformedJSON("the top level must be an object with \"\(list)\"", request: request)
        }
        if let elements = root[list] as? [Any] { root[list] = elements.map(rewrite) }
        do {
            let rewritten = try JSONSerialization.data(withJSONObject: root)
            var options = JSONDecodingOptions()
            options.ignoreUnknownFields = true
            return try Message(jsonUTF8Data: rewritten, options: options)
        } catch {
            throw .malformedJSON(OTLPTraceDecoder.explain(error), request: request)
        }
    }
}
