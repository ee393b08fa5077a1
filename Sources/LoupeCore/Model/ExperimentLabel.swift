/// The experiment and variant a span ran under.
public struct ExperimentLabel: Sendable, Hashable {
    public var experiment: String
    public var variant: String

    public init(experiment: String, variant: String) {
        self.experiment = experiment
        self.variant = variant
    }
}
