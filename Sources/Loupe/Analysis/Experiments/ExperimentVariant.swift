/// One arm of an ``Experiment`` and its share of units.
public struct ExperimentVariant: Sendable, Hashable {
    public var name: String
    /// Relative weight: variants weighted 1 and 3 get 25% and 75% of units.
    public var weight: Double

    public init(_ name: String, weight: Double = 1) {
        self.name = name
        self.weight = weight
    }
}
