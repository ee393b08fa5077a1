import CompressNIO
import Foundation
import Hummingbird
import NIOCore

/// Reads an OTLP request body within the size limit, undoing `Content-Encoding: gzip`.
enum OTLPRequestBody {
    static func read(_ request: inout Request, limit: Int) async throws(OTLPFailure) -> Data {
        let encoding = request.headers[.contentEncoding]?.lowercased().trimmingCharacters(in: .whitespaces)
        guard encoding == nil || encoding == "" || encoding == "identity" || encoding == "gzip" else {
            throw .unsupportedMediaType("Content-Encoding '\(encoding ?? "")' is not supported; use gzip or none")
        }
        var body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw .tooLarge(limit: limit)
        } catch {
            throw .badRequest("could not read the request body: \(error)")
        }
        if encoding == "gzip" {
            do {
                body = try body.decompress(with: .gzip(), maxSize: limit)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw .tooLarge(limit: limit)
            } catch {
                throw .badRequest("the body is not valid gzip (Content-Encoding: gzip): \(error)")
            }
        }
        return Data(body.readableBytesView)
    }
}
