extension Telemetry {
    /// Everything a ``Telemetry`` instance needs besides its handlers.
    ///
    /// The clock and id generator are injectable so tests can drive time and ids (see
    /// `LoupeTesting`'s `ManualTelemetryClock` and `SeededIDGenerator`) and never sleep.
    public struct Configuration: Sendable {
        /// Which traces are recorded as ``FinishedSpan``s. Events are emitted whatever it decides,
        /// so metrics stay exact while traces are sampled.
        public var sampler: Sampler
        /// Where span timestamps and durations come from.
        public var clock: any TelemetryClock
        /// Where new trace and span ids come from.
        public var idGenerator: any IDGenerator
        /// Prices GenAI calls; nil leaves them unpriced.
        public var pricing: GenAIPricing?
        /// Whether prompts, completions, tool arguments and queries are recorded; off by default.
        public var contentCapture: ContentCapture

        public init(
            sampler: Sampler = .parentBased(root: .alwaysOn),
            clock: any TelemetryClock = SystemTelemetryClock(),
            idGenerator: any IDGenerator = RandomIDGenerator(),
            pricing: GenAIPricing? = nil,
            contentCapture: ContentCapture = .off
        ) {
            self.sampler = sampler
            self.clock = clock
            self.idGenerator = idGenerator
            self.pricing = pricing
            self.contentCapture = contentCapture
        }

        /// Every trace sampled, the system clock, random ids, no pricing, no content capture.
        public static let `default` = Configuration()
    }
}
