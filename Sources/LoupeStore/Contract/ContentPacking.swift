import CompressNIO
import NIOCore

/// Large span text (attributes and events) deflated, the form a store that keeps bytes stores it in.
///
/// Prompt and completion content makes most of a content-bearing span's bytes, and prose deflates to
/// about a third. Packing takes CPU a store's single writer cannot spare, so batches built for such a
/// store (``TelemetryStore/packsContent``) pack on the thread that received the spans, off the
/// store's single writer. A packed value is one format byte, then raw deflate.
public enum ContentPacking {
    /// Below this many bytes deflate saves too little to pay for its header and the time.
    public static let threshold = 384
    /// The format byte of raw deflate; another codec would take another value.
    static let deflateFormat: UInt8 = 1
    /// A span's content rarely passes a few kilobytes: a 4 KB window and 8 KB of hash state cost a
    /// fraction of zlib's 256 KB defaults to set up per value, and compress such text as well.
    static let configuration = ZlibConfiguration(windowSize: .window16k, compressionLevel: .fastestCompression, memoryLevel: .memory8K)
    private static let algorithm = CompressionAlgorithm.deflate(configuration: configuration)
    /// What a packed value may unpack to at most: far past any span the ingest limits let in, and a
    /// bound on what a damaged value can make the reader allocate.
    private static let maxUnpackedBytes = 64 << 20

    /// Packs one text after another with one compressor: setting zlib up costs about as much as
    /// compressing a span's text, so a batch resets one compressor rather than making one per text.
    public struct Packer: ~Copyable {
        private var compressor: ZlibCompressor?
        private var used = false

        public init() {}

        /// `text` packed, or nil when it is short or packing would not make it smaller.
        public mutating func pack(_ text: String) -> [UInt8]? {
            let count = text.utf8.count
            guard count >= ContentPacking.threshold else { return nil }
            do {
                let compressor = try compressor ?? ZlibCompressor(algorithm: .deflate, configuration: ContentPacking.configuration)
                self.compressor = compressor
                if used { try compressor.reset() }
                used = true
                var input = ByteBuffer(string: text)
                var deflated = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
                try compressor.deflate(from: &input, to: &deflated, flush: .finish)
                guard deflated.readableBytes + 1 < count else { return nil }
                var packed = [UInt8]()
                packed.reserveCapacity(deflated.readableBytes + 1)
                packed.append(ContentPacking.deflateFormat)
                packed += deflated.readableBytesView
                return packed
            } catch {
                // zlib out of memory or in a bad state: this text is stored as it is, the next gets a new compressor.
                compressor = nil
                used = false
                return nil
            }
        }
    }

    /// The text of a packed value; nil for one this version cannot read or that is damaged.
    public static func unpack(_ packed: some Collection<UInt8>) -> String? {
        guard packed.first == deflateFormat else { return nil }
        var input = ByteBuffer(bytes: packed.dropFirst())
        guard var output = try? input.decompress(with: algorithm, maxSize: maxUnpackedBytes) else { return nil }
        return output.readString(length: output.readableBytes)
    }
}
