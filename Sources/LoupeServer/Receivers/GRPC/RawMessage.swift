import Foundation
import GRPCCore
import SwiftProtobuf

/// A request message as the bytes it came in: the receivers decode OTLP themselves (traces through
/// Loupe's own protobuf reader), so gRPC hands them the bytes, exactly as HTTP does. grpc-swift's
/// protobuf deserializer would decode into generated messages first, twice the work.
struct RawMessageDeserializer: MessageDeserializer {
    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Data {
        serializedMessageBytes.withUnsafeBytes { Data($0) }
    }
}

/// Serializes the answer a receiver built (an `Export…ServiceResponse`).
struct AnswerSerializer: MessageSerializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: any SwiftProtobuf.Message) throws -> Bytes {
        let bytes: [UInt8] = try message.serializedBytes()
        return Bytes(bytes)
    }
}
