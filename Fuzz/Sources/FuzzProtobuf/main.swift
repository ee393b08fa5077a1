import Foundation
import FuzzSupport
import LoupeOTLP

// Any bytes as an OTLP/HTTP protobuf body, then everything the server does before storing.
exit(FuzzDriver.run { start, count in
    if let decoded = try? OTLPProtobufSpanReader.decodedSpans(FuzzDriver.data(start, count)) { Ingest.process(decoded) }
    return 0
})
