import LoupeCore

/// What tells the arms of a comparison apart: a declared experiment's variants, or, without one,
/// the models, prompt versions or business-dimension values the requests ran with.
public enum ArmGrouping: Sendable, Hashable {
    /// The variants of the experiment of this name.
    case experiment(String)
    /// The model each request's first generating call asked for (``TraceSummary/model``).
    case model
    /// Each request's prompt version (``TraceSummary/promptVersion``).
    case promptVersion
    /// The values of one business dimension (``TraceSummary/dimensions``), e.g. `business_unit`.
    case dimension(String)

    /// The arm a request belongs to; nil when it is not one of the comparison's requests.
    public func arm(of trace: TraceSummary) -> String? {
        switch self {
        case .experiment(let name): return trace.experiment?.experiment == name ? trace.experiment?.variant : nil
        case .model: return trace.model
        case .promptVersion: return trace.promptVersion
        case .dimension(let name): return trace.dimensions[name]
        }
    }
}
