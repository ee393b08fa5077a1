import CompressNIO
import GRDB
import NIOCore

/// Large JSON columns (a span's attributes and events) as the file keeps them: deflated once past a
/// size where it pays, plain text otherwise.
///
/// Prompt and completion content makes most of a content-bearing span's bytes, and prose deflates to
/// about a third; nothing queries these columns in SQL (they are read whole and decoded in Swift), so
/// compressing them costs no query. A packed value is a BLOB (one format byte, then raw deflate),
/// which a TEXT column keeps as it is: rows written as text before packing existed read unchanged.
enum PackedText {
    /// Below this many bytes deflate saves too little to pay for its header and the time.
    static let threshold = 384
    /// The format byte of raw deflate; another codec would take another value.
    static let deflateFormat: UInt8 = 1
    /// A span's content rarely passes a few kilobytes: a 4 KB window and 8 KB of hash state cost a
    /// fraction of zlib's 256 KB defaults to set up per value, and compress such text as well.
    private static let algorithm = CompressionAlgorithm.deflate(
        configuration: ZlibConfiguration(windowSize: .window16k, compressionLevel: .fastestCompression, memoryLevel: .memory8K))
    /// What a packed value may unpack to at most: far past any span the ingest limits let in, and a
    /// bound on what a damaged value can make the reader allocate.
    private static let maxUnpackedBytes = 64 << 20

    /// The bytes to store for `text`: a packed BLOB when that is smaller, the text itself otherwise.
    static func pack(_ text: String) -> [UInt8]? {
        let count = text.utf8.count
        guard count >= threshold else { return nil }
        var input = ByteBuffer(string: text)
        guard let deflated = try? input.compress(with: algorithm), deflated.readableBytes + 1 < count else { return nil }
        var packed = [UInt8]()
        packed.reserveCapacity(deflated.readableBytes + 1)
        packed.append(deflateFormat)
        packed += deflated.readableBytesView
        return packed
    }

    /// The text of a stored value, packed or not; nil for NULL or a value that does not unpack.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text):
            return text
        case .blob(let data):
            guard data.first == deflateFormat else { return nil }
            var input = ByteBuffer(bytes: data.dropFirst())
            guard var output = try? input.decompress(with: algorithm, maxSize: maxUnpackedBytes) else { return nil }
            return output.readString(length: output.readableBytes)
        default:
            return nil
        }
    }
}
