import LoupeStore

/// `GET /api/v1/status`: Loupe's own state, for people, for `loupe status --server` and for monitoring.
public struct ServerStatus: Codable, Sendable {
    /// The ingest queue and the memory budget.
    public struct Queue: Codable, Sendable {
        public var spans: Int
        public var capacitySpans: Int
        public var bytesInFlight: Int
        public var maxInFlightBytes: Int

        enum CodingKeys: String, CodingKey {
            case spans
            case capacitySpans = "capacity_spans"
            case bytesInFlight = "bytes_in_flight"
            case maxInFlightBytes = "max_in_flight_bytes"
        }
    }

    /// What the store says of itself.
    public struct Store: Codable, Sendable {
        public var pendingAggregateRows: Int
        public var aggregateLagSeconds: Double
        public var storedBytes: Int64?
        /// The data's own size, free space not counted: what retention's size ceiling is held to.
        public var dataBytes: Int64?

        enum CodingKeys: String, CodingKey {
            case pendingAggregateRows = "pending_aggregate_rows"
            case aggregateLagSeconds = "aggregate_lag_seconds"
            case storedBytes = "stored_bytes"
            case dataBytes = "data_bytes"
        }

        init(_ health: StoreHealth) {
            pendingAggregateRows = health.pendingAggregateRows
            aggregateLagSeconds = health.aggregateLagSeconds
            storedBytes = health.storedBytes
            dataBytes = health.dataBytes
        }
    }

    public var uptimeSeconds: Double
    public var ingest: IngestCounters.Snapshot
    public var queue: Queue
    public var store: Store
    /// What retention deleted since the server started; nil from a server without it.
    public var retention: Retention.Tally?

    enum CodingKeys: String, CodingKey {
        case uptimeSeconds = "uptime_seconds"
        case ingest, queue, store, retention
    }
}
