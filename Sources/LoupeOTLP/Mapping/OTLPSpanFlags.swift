/// OTLP's `Span.flags` bits that say whether a span's parent is remote (trace.proto, `SpanFlags`).
enum OTLPSpanFlags {
    static let contextHasIsRemote: UInt32 = 0x100
    static let contextIsRemote: UInt32 = 0x200

    /// True only when the SDK said so: older SDKs set neither bit, and then nothing is known.
    static func parentIsRemote(_ flags: UInt32) -> Bool {
        flags & contextHasIsRemote != 0 && flags & contextIsRemote != 0
    }

    static func flags(parentIsRemote: Bool) -> UInt32 {
        contextHasIsRemote | (parentIsRemote ? contextIsRemote : 0)
    }
}
