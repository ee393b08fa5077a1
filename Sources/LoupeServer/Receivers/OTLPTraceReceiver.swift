import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LoupeOTLP
import LoupeStore

/// `POST /v1/traces`: OTLP/HTTP trace ingest, protobuf or JSON, plain or gzip.
///
/// The answer is 200 only once every accepted span is committed. Invalid spans are reported through
/// `partial_success` while the rest are stored; an unreadable request changes nothing.
struct OTLPTraceReceiver<Context: RequestContext>: Sendable {
    let pipeline: IngestPipeline
    let queue: IngestQueue
    let maxBodyBytes: Int
    let retryAfterSeconds: Int
    /// The server's clock, in unix nanoseconds: spans starting far ahead of it are rejected.
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<Context>) {
        router.post("/v1/traces") { request, _ in await receive(request) }
    }

    func receive(_ request: Request) async -> Response {
        guard let encoding = OTLPEncoding(contentType: request.headers[.contentType]) else {
            let given = request.headers[.contentType] ?? "none"
            return OTLPResponses.failure(
                .unsupportedMediaType("Content-Type '\(given)' is not supported; send application/x-protobuf or application/json"),
                encoding: .json
            )
        }
        do {
            var request = request
            let body = try await OTLPRequestBody.read(&request, limit: maxBodyBytes)
            let decoded: DecodedSpans
            do {
                decoded = encoding == .protobuf
                    ? try OTLPProtobufSpanReader.decodedSpans(body) : try OTLPTraceDecoder.decode(json: body).decodedSpans()
            } catch {
                throw OTLPFailure.badRequest(error.description)
            }
            let project = request.headers[HTTPField.Name("x-loupe-project")!].flatMap { $0.isEmpty ? nil : $0 }
            let (records, rejected) = pipeline.records(from: decoded, project: project, nowNanos: now())
            do {
                // Aggregating here, on the request's thread, keeps the single writer to inserting rows.
                try await queue.submit(SpanBatch(records))
            } catch IngestError.queueFull {
                throw OTLPFailure.throttled(retryAfter: retryAfterSeconds)
            } catch IngestError.shuttingDown {
                throw OTLPFailure.unavailable("Loupe is shutting down; retry shortly", retryAfter: retryAfterSeconds)
            } catch {
                throw OTLPFailure.unavailable("spans could not be stored (\(error)); nothing was kept, retry", retryAfter: retryAfterSeconds)
            }
            return OTLPResponses.success(rejected: rejected.rejectedCount, message: rejected.rejectionMessage, encoding: encoding)
        } catch let failure as OTLPFailure {
            return OTLPResponses.failure(failure, encoding: encoding)
        } catch {
            return OTLPResponses.failure(.badRequest(String(describing: error)), encoding: encoding)
        }
    }
}
