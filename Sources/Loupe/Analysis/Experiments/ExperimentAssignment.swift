/// The variant a unit was assigned in one experiment.
public struct ExperimentAssignment: Sendable, Hashable {
    public var experiment: String
    public var variant: String

    public init(experiment: String, variant: String) {
        self.experiment = experiment
        self.variant = variant
    }

    /// `loupe.experiment` and `loupe.experiment.variant`, for span attributes or event metadata.
    public var attributes: [String: AttributeValue] {
        [LoupeAttributes.experiment: .string(experiment), LoupeAttributes.experimentVariant: .string(variant)]
    }
}
