import Loupe
import Synchronization

/// Deterministic, well-spread trace and span ids (SplitMix64 from a seed), so tests can assert on
/// exact ids and sampling decisions and still exercise ratio sampling realistically.
public final class SeededIDGenerator: IDGenerator, Sendable {
    private let state: Mutex<UInt64>

    public init(seed: UInt64 = 0x5EED) {
        state = Mutex(seed)
    }

    public func makeTraceID() -> TraceID {
        var id = TraceID(high: 0, low: 0)
        while !id.isValid { id = TraceID(high: next(), low: next()) }
        return id
    }

    public func makeSpanID() -> SpanID {
        var id = SpanID(rawValue: 0)
        while !id.isValid { id = SpanID(rawValue: next()) }
        return id
    }

    private func next() -> UInt64 {
        state.withLock { state in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
