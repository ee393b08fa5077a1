extension OTLPExporter {
    /// How request bodies are compressed.
    public struct Compression: Sendable, Hashable, CustomStringConvertible {
        private enum Backing: Hashable {
            case none
            case gzip
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// Uncompressed protobuf.
        public static let none = Compression(.none)
        /// gzip, which every OTLP/HTTP receiver must accept; span batches shrink several-fold.
        public static let gzip = Compression(.gzip)

        /// The `Content-Encoding` header value, nil when uncompressed.
        var contentEncoding: String? {
            backing == .gzip ? "gzip" : nil
        }

        public var description: String {
            backing == .gzip ? "gzip" : "none"
        }
    }
}
