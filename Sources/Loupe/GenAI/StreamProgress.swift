import Synchronization

/// When a streamed response's first chunk arrived and how many chunks and tokens followed.
final class StreamProgress: Sendable {
    struct State: Sendable {
        var firstChunk: TelemetryInstant?
        var chunks: Int64 = 0
        var tokens: Int64 = 0
    }

    private let state = Mutex(State())

    /// Counts one chunk; returns its arrival time when it is the first.
    func recordChunk(tokens: Int, clock: any TelemetryClock) -> TelemetryInstant? {
        state.withLock { state in
            state.chunks += 1
            state.tokens += Int64(tokens)
            guard state.firstChunk == nil else { return nil }
            let now = clock.now()
            state.firstChunk = now
            return now
        }
    }

    var snapshot: State {
        state.withLock { $0 }
    }
}
