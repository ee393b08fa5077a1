/// Why an ``Experiment`` could not be defined.
public enum ExperimentError: Error, Sendable, Hashable {
    /// An experiment needs at least one variant.
    case noVariants
    /// A variant's weight is negative, infinite or not a number, or every weight is 0.
    case invalidWeight(variant: String)
    /// Two variants share a name, so assignments could not tell them apart.
    case duplicateVariant(String)
}
