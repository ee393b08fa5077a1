extension OTLPExporter {
    /// Which span gives way when the queue is full: the exporter never blocks the code that ends
    /// spans and never grows without bound, so one is dropped and counted.
    public struct OverflowPolicy: Sendable, Hashable, CustomStringConvertible {
        private enum Backing: Hashable {
            case dropNewest
            case dropOldest
        }

        private let backing: Backing

        private init(_ backing: Backing) {
            self.backing = backing
        }

        /// Refuse the span that does not fit, keeping what is queued: the OpenTelemetry batch
        /// processor's behaviour, and the default.
        public static let dropNewest = OverflowPolicy(.dropNewest)
        /// Evict the oldest queued span to make room, favouring recent telemetry during an outage.
        public static let dropOldest = OverflowPolicy(.dropOldest)

        var dropsOldest: Bool { backing == .dropOldest }

        public var description: String {
            backing == .dropOldest ? "dropOldest" : "dropNewest"
        }
    }
}
