import Foundation
import LoupeCore
import LoupeOTLP
import LoupeServer
import LoupeStore

/// What the server does with a decoded request, short of storing it: normalise every convention,
/// classify errors, price, redact, and aggregate. A crash anywhere here is a crash of `loupe serve`.
public enum Ingest {
    static let pipeline = IngestPipeline(
        normalizer: SpanNormalizer(options: NormalizationOptions(businessDimensions: ["business_unit", "query_category"])),
        enrichers: (try? LoupeApplication.defaultEnrichers()) ?? [])

    public static func process(_ decoded: DecodedSpans) {
        let (records, _) = pipeline.records(from: decoded, nowNanos: 1_800_000_000_000_000_000)
        _ = SpanBatch(records)
    }
}
