/// Decides, when a span starts, whether its trace is recorded as ``FinishedSpan``s.
///
/// Sampling only thins traces: every span still emits its `start`/`stop`/`exception` events, so
/// metrics and logs built from events stay exact. A sampled-out span carries the W3C flag `00`,
/// and its children inherit the decision under ``parentBased(root:)``.
///
/// Decisions are deterministic in the trace id, so every service that uses the same ratio keeps
/// the same traces whole.
public struct Sampler: Sendable, CustomStringConvertible {
    private indirect enum Backing: Sendable {
        case alwaysOn
        case alwaysOff
        /// Sample when the trace id's low 56 bits are at least `threshold`.
        case ratio(Double, threshold: UInt64)
        case parentBased(root: Sampler)
    }

    private let backing: Backing

    private init(_ backing: Backing) {
        self.backing = backing
    }

    /// Records every trace.
    public static let alwaysOn = Sampler(.alwaysOn)

    /// Records no trace.
    public static let alwaysOff = Sampler(.alwaysOff)

    /// Records a `ratio` (0…1) of traces, chosen by trace id.
    ///
    /// The rule is OpenTelemetry's consistent-probability one: with R the trace id's low 56 bits,
    /// a trace is sampled when R ≥ (1 − ratio) × 2⁵⁶. Ratios outside 0…1 are clamped; NaN samples
    /// nothing.
    public static func ratio(_ ratio: Double) -> Sampler {
        let clamped = ratio.isNaN ? 0 : min(max(ratio, 0), 1)
        let space = Double(1 << 56 as UInt64)
        let threshold = UInt64(((1 - clamped) * space).rounded())
        return Sampler(.ratio(clamped, threshold: threshold))
    }

    /// Follows the parent's decision when there is a parent (local or remote), and asks `root`
    /// for traces that start here.
    public static func parentBased(root: Sampler) -> Sampler {
        Sampler(.parentBased(root: root))
    }

    /// Whether a span in trace `traceID` with `parent` (nil for a new trace) is recorded.
    public func shouldSample(traceID: TraceID, parent: SpanContext?) -> Bool {
        switch backing {
        case .alwaysOn: return true
        case .alwaysOff: return false
        case .ratio(_, let threshold): return traceID.low & 0x00FF_FFFF_FFFF_FFFF >= threshold
        case .parentBased(let root):
            if let parent { return parent.isSampled }
            return root.shouldSample(traceID: traceID, parent: nil)
        }
    }

    public var description: String {
        switch backing {
        case .alwaysOn: return "alwaysOn"
        case .alwaysOff: return "alwaysOff"
        case .ratio(let ratio, _): return "ratio(\(ratio))"
        case .parentBased(let root): return "parentBased(root: \(root))"
        }
    }
}
