/// An optional that encodes as JSON `null` when empty: a field that is absent reads like one this
/// version of the API lacks, `null` says "unknown" or "not applicable".
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    var value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
