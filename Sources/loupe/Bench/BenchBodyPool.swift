import Foundation
import LoupeCore
import NIOCore
import Synchronization

/// The requests `loupe bench ingest` sends: a pool of OTLP bodies held in memory, sent again with new
/// trace ids once every one was sent, so a run of millions of spans needs only a pool's memory.
///
/// Each repeat XORs its round number into the last four bytes of every trace id, found where the
/// protobuf encoder put them (a `Span`'s field 1: tag `0x0A`, length 16), so every span of a run is
/// new to the store, as sustained traffic is.
struct BenchBodyPool: Sendable {
    let bodies: [ByteBuffer]
    let spanCounts: [Int]
    /// Where each body's trace ids start.
    private let traceIdOffsets: [[Int]]
    /// Requests to send for the run.
    let requests: Int
    /// Spans those requests carry.
    let spans: Int

    /// `traceIds` are the raw ids of the bodies' spans; `spans` the run's target, rounded up to whole requests.
    init(bodies: [ByteBuffer], spanCounts: [Int], traceIds: Set<[UInt8]>, spans target: Int) {
        self.bodies = bodies
        self.spanCounts = spanCounts
        traceIdOffsets = bodies.map { Self.offsets(of: traceIds, in: $0) }
        var (requests, spans) = (0, 0)
        while spans < target, !bodies.isEmpty {
            spans += spanCounts[requests % bodies.count]
            requests += 1
        }
        (self.requests, self.spans) = (requests, spans)
    }

    /// The body of request `index`.
    func body(_ index: Int) -> ByteBuffer {
        let round = index / bodies.count
        var body = bodies[index % bodies.count]
        guard round > 0 else { return body }
        let salt = UInt32(truncatingIfNeeded: round).littleEndian
        for offset in traceIdOffsets[index % bodies.count] {
            let last = offset + 12
            let value = body.getInteger(at: last, endianness: .little, as: UInt32.self) ?? 0
            body.setInteger(value ^ salt, at: last, endianness: .little)
        }
        return body
    }

    /// The spans request `index` carries.
    func spanCount(_ index: Int) -> Int { spanCounts[index % bodies.count] }

    private static func offsets(of traceIds: Set<[UInt8]>, in body: ByteBuffer) -> [Int] {
        let bytes = Array(body.readableBytesView)
        var offsets: [Int] = []
        var i = 0
        while i + 18 <= bytes.count {
            if bytes[i] == 0x0A, bytes[i + 1] == 0x10, traceIds.contains(Array(bytes[(i + 2)..<(i + 18)])) {
                offsets.append(i + 2)
                i += 18
            } else {
                i += 1
            }
        }
        return offsets
    }
}

/// Hands out request indexes to the concurrent senders, and says how far a long run has come.
final class BenchProgress: Sendable {
    private let state = Mutex((next: 0, acknowledged: 0, reported: 0, reportedAt: ContinuousClock.now, refused: 0))
    private let every: Int
    private let started: ContinuousClock.Instant

    /// Reports each time another `every` spans are acknowledged.
    init(every: Int) {
        self.every = every
        started = .now
        state.withLock { $0.reportedAt = started }
    }

    func take() -> Int {
        state.withLock { state in
            defer { state.next += 1 }
            return state.next
        }
    }

    /// A request the server refused (429, 503, gRPC UNAVAILABLE) for the `attempt`th time: counts
    /// it and waits before it is sent again, twice as long each time from 20 ms up to 1.28 s.
    /// Sooner than an OTel exporter would (its backoff starts at a second), so the server's queue
    /// stays fed; growing, so refused clients do not spend the server's CPU on a storm of retries
    /// (at a fixed 20 ms, 64 clients were refused 60 times per request they got through).
    func refused(attempt: Int) async throws {
        state.withLock { $0.refused += 1 }
        try await Task.sleep(for: .milliseconds(20 << min(attempt, 6)))
    }

    /// Requests refused so far: more than a few means the clients outrun the server and measure its throttling too.
    var refusedCount: Int { state.withLock { $0.refused } }

    func acknowledged(_ spans: Int) {
        let line: String? = state.withLock { state in
            state.acknowledged += spans
            guard state.acknowledged >= state.reported + every else { return nil }
            let now = ContinuousClock.now
            // The rate of the stretch since the last line shows whether a growing file slows ingest.
            let stretch = BenchFormat.rate(state.acknowledged - state.reported, seconds: (now - state.reportedAt).seconds)
            state.reported = state.acknowledged
            state.reportedAt = now
            let seconds = (now - started).seconds
            return "  \(state.acknowledged) spans acknowledged after \(String(format: "%.1f", seconds)) s: \(stretch) spans/s since the last line, "
                + "\(BenchFormat.rate(state.acknowledged, seconds: seconds)) overall"
        }
        if let line { BenchFormat.say(line) }
    }
}
