import CompressNIO
import Foundation
import FuzzSupport
import LoupeOTLP
import NIOCore

// Any bytes as a `Content-Encoding: gzip` body, inflated within a limit (1 MiB here, so the fuzzer
// explores rather than allocates) as the server does, then read as protobuf and ingested.
exit(FuzzDriver.run { start, count in
    var buffer = ByteBuffer(data: FuzzDriver.data(start, count))
    guard let inflated = try? buffer.decompress(with: .gzip(), maxSize: 1 << 20) else { return 0 }
    if let decoded = try? OTLPProtobufSpanReader.decodedSpans(Data(inflated.readableBytesView)) { Ingest.process(decoded) }
    return 0
})
