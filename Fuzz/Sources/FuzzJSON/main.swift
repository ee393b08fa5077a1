import Foundation
import FuzzSupport
import LoupeOTLP

// Any bytes as an OTLP/HTTP JSON body, then everything the server does before storing.
exit(FuzzDriver.run { start, count in
    if let request = try? OTLPTraceDecoder.decode(json: FuzzDriver.data(start, count)) { Ingest.process(request.decodedSpans()) }
    return 0
})
