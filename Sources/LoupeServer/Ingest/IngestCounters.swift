import Synchronization

/// Loupe's own ingest counters: what was accepted, what was refused and why, and how fast the
/// writer drains. Monotonic counters and gauges only, so a Prometheus exposition can serve them as
/// they are; ``Snapshot`` is what the status endpoint and `loupe status` show.
public final class IngestCounters: Sendable {
    /// The counters at one moment.
    public struct Snapshot: Sendable, Equatable, Codable {
        /// Requests answered 200 (some of their spans may have been rejected).
        public var requestsAccepted = 0
        /// Spans acknowledged with a 200: committed, or already stored.
        public var spansAccepted = 0
        /// Spans refused through `partial_success` (invalid ids, impossible times).
        public var spansRejected = 0
        /// GenAI metric data points that added to the rollups (``MetricSignal``; points of services
        /// that send spans, and points that add nothing, are acknowledged but not stored), and those
        /// refused through `partial_success`.
        public var dataPointsStored = 0
        public var dataPointsRejected = 0
        /// Log records kept with a 200 (``LogSignal``: GenAI events and logs in a trace), and those refused.
        public var logRecordsAccepted = 0
        public var logRecordsRejected = 0
        /// Requests answered 429: the ingest queue or memory budget was full.
        public var requestsThrottled = 0
        /// Requests answered 503: the store failed or the server is stopping.
        public var requestsUnavailable = 0
        /// Requests answered with another 4xx: the client's mistake (body, encoding, size).
        public var requestsInvalid = 0
        /// Transactions the writer committed, and the spans in them.
        public var commits = 0
        public var spansCommitted = 0
        /// Transactions that failed; their requests were retried alone, and only the failing ones answered 503.
        public var commitFailures = 0
        public var commitSecondsTotal = 0.0
        public var lastCommitSeconds: Double?
        public var maxCommitSeconds = 0.0
        /// Spans the writer commits per second of its busy time, smoothed: what a backlog takes to drain.
        public var drainSpansPerSecond: Double?

        enum CodingKeys: String, CodingKey {
            case requestsAccepted = "requests_accepted"
            case spansAccepted = "spans_accepted"
            case spansRejected = "spans_rejected"
            case dataPointsStored = "data_points_stored"
            case dataPointsRejected = "data_points_rejected"
            case logRecordsAccepted = "log_records_accepted"
            case logRecordsRejected = "log_records_rejected"
            case requestsThrottled = "requests_throttled"
            case requestsUnavailable = "requests_unavailable"
            case requestsInvalid = "requests_invalid"
            case commits
            case spansCommitted = "spans_committed"
            case commitFailures = "commit_failures"
            case commitSecondsTotal = "commit_seconds_total"
            case lastCommitSeconds = "last_commit_seconds"
            case maxCommitSeconds = "max_commit_seconds"
            case drainSpansPerSecond = "drain_spans_per_second"
        }
    }

    /// How one request was answered.
    enum Outcome {
        case accepted(spans: Int, rejected: Int)
        case acceptedPoints(points: Int, rejected: Int)
        case acceptedLogRecords(records: Int, rejected: Int)
        case throttled
        case unavailable
        case invalid
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func record(_ outcome: Outcome) {
        state.withLock { s in
            switch outcome {
            case .accepted(let spans, let rejected):
                s.requestsAccepted += 1
                s.spansAccepted += spans
                s.spansRejected += rejected
            case .acceptedPoints(let points, let rejected):
                s.requestsAccepted += 1
                s.dataPointsStored += points
                s.dataPointsRejected += rejected
            case .acceptedLogRecords(let records, let rejected):
                s.requestsAccepted += 1
                s.logRecordsAccepted += records
                s.logRecordsRejected += rejected
            case .throttled: s.requestsThrottled += 1
            case .unavailable: s.requestsUnavailable += 1
            case .invalid: s.requestsInvalid += 1
            }
        }
    }

    func recordCommit(spans: Int, seconds: Double, failed: Bool) {
        state.withLock { s in
            s.commitSecondsTotal += seconds
            s.lastCommitSeconds = seconds
            s.maxCommitSeconds = max(s.maxCommitSeconds, seconds)
            guard !failed else {
                s.commitFailures += 1
                return
            }
            s.commits += 1
            s.spansCommitted += spans
            // Small commits measure fsync latency, not throughput: only batches of some size teach the rate.
            guard spans >= 100, seconds > 0 else { return }
            let rate = Double(spans) / seconds
            s.drainSpansPerSecond = s.drainSpansPerSecond.map { 0.8 * $0 + 0.2 * rate } ?? rate
        }
    }

    /// Seconds a throttled client should wait: the time the writer needs to drain `backlogSpans`,
    /// between 1 and 60, or `fallback` before any commit has taught the drain rate.
    func retryAfterSeconds(backlogSpans: Int, fallback: Int) -> Int {
        guard let rate = state.withLock({ $0.drainSpansPerSecond }), rate > 0 else { return fallback }
        let seconds = (Double(backlogSpans) / rate).rounded(.up)
        return Int(min(60, max(1, seconds)))
    }
}
