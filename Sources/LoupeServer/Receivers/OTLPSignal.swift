import Foundation
import SwiftProtobuf

/// One OTLP signal's side of ingest: its path, how a body becomes a batch, and its answer.
protocol OTLPSignal: Sendable {
    /// The OTLP/HTTP path, `/v1/traces`.
    static var path: String { get }
    /// The signal in a sentence: "traces".
    static var name: String { get }
    /// The request log's key for how many items a request brought: "spans".
    static var itemKey: String { get }

    /// Decodes and prepares a body. It runs on the decode pool, off Swift's cooperative threads.
    func prepare(_ body: Data, encoding: OTLPEncoding, project: String?, nowNanos: Int64) throws -> OTLPPrepared

    /// The signal's `Export…ServiceResponse`, which a request answered 200 gets.
    associatedtype Response: OTLPExportResponse

    /// How the ingest counters count a request answered 200.
    static func outcome(accepted: Int, rejected: Int) -> IngestCounters.Outcome
}

extension OTLPSignal {
    /// The `Export…ServiceResponse` of a request answered 200.
    static func answer(rejected: Int, message: String?) -> any SwiftProtobuf.Message {
        Response.answer(rejected: rejected, message: message)
    }
}
