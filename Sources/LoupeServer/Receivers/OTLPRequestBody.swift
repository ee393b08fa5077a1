import CompressNIO
import Foundation
import Hummingbird
import NIOCore

/// Reads an OTLP request body within the size limit and the memory budget, undoing `Content-Encoding: gzip`.
enum OTLPRequestBody {
    /// The body's bytes, as sent and after decompression.
    struct Read {
        var data: Data
        var wireBytes: Int
    }

    /// Reads the body a chunk at a time, growing `reservation` to cover what has arrived: a body
    /// that would pass the budget is refused (429) as soon as it does, not after it has been buffered.
    static func read(
        _ request: inout Request, limit: Int, reservation: BudgetReservation, throttled: () -> OTLPFailure
    ) async throws(OTLPFailure) -> Read {
        let encoding = request.headers[.contentEncoding]?.lowercased().trimmingCharacters(in: .whitespaces)
        guard encoding == nil || encoding == "" || encoding == "identity" || encoding == "gzip" else {
            throw .unsupportedMediaType("Content-Encoding '\(encoding ?? "")' is not supported; use gzip or none")
        }
        var body = ByteBuffer()
        do {
            for try await chunk in request.body {
                let total = body.readableBytes + chunk.readableBytes
                guard total <= limit else { throw OTLPFailure.tooLarge(limit: limit) }
                guard reservation.cover(total) else { throw throttled() }
                body.writeImmutableBuffer(chunk)
            }
        } catch let failure as OTLPFailure {
            throw failure
        } catch {
            throw .badRequest("could not read the request body: \(error)")
        }
        let wireBytes = body.readableBytes
        if encoding == "gzip" {
            do {
                body = try body.decompress(with: .gzip(), maxSize: limit)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw .tooLarge(limit: limit)
            } catch {
                throw .badRequest("the body is not valid gzip (Content-Encoding: gzip): \(error)")
            }
            guard reservation.cover(wireBytes + body.readableBytes) else { throw throttled() }
        }
        return Read(data: Data(body.readableBytesView), wireBytes: wireBytes)
    }
}
