/// An experiment that splits units (users, sessions, tenants) between weighted variants, the same
/// way in every process and on every run.
///
/// ```swift
/// let prompt = try Experiment("rag-prompt-v2", variants: [.init("control", weight: 9), .init("v2", weight: 1)])
/// let assignment = prompt.assign(session.id)
/// try await telemetry.llmCall(request) { call in
///     call.span.recordExperiment(assignment)
///     …
/// }
/// ```
///
/// A unit's variant is a pure function of the experiment's salt and the unit id, through a
/// stable hash (FNV-1a, then a 64-bit finaliser): restarting, scaling out or porting the
/// assignment to another language keeps every unit where it was. Changing the salt reshuffles
/// every unit; changing weights moves only the units whose position crosses a new boundary.
///
/// Only the experiment and variant are recorded on spans, never the unit id, which is often a
/// user id.
public struct Experiment: Sendable, Hashable {
    public let name: String
    /// Mixed into every unit's hash; the experiment's name unless given.
    public let salt: String
    public let variants: [ExperimentVariant]
    /// Cumulative upper bounds of the variants' shares, the last being 1.
    private let bounds: [Double]

    /// - Throws: ``ExperimentError`` when there is no variant, two share a name, or a weight is
    ///   invalid.
    public init(_ name: String, salt: String? = nil, variants: [ExperimentVariant]) throws(ExperimentError) {
        guard !variants.isEmpty else { throw .noVariants }
        var names: Set<String> = []
        for variant in variants {
            guard variant.weight.isFinite, variant.weight >= 0 else { throw .invalidWeight(variant: variant.name) }
            guard names.insert(variant.name).inserted else { throw .duplicateVariant(variant.name) }
        }
        let total = variants.reduce(0) { $0 + $1.weight }
        guard total > 0 else { throw .invalidWeight(variant: variants[0].name) }
        var running = 0.0
        var bounds = variants.map { variant -> Double in
            running += variant.weight
            return running / total
        }
        // Rounding may leave the last bound a hair under 1; a position there must still land.
        bounds[bounds.count - 1] = 1
        self.name = name
        self.salt = salt ?? name
        self.variants = variants
        self.bounds = bounds
    }

    /// The variant `unitID` is assigned.
    public func assign(_ unitID: String) -> ExperimentAssignment {
        let position = Experiment.position(of: unitID, salt: salt)
        // Zero-weight variants have an empty range, so `<` never selects them.
        let index = bounds.firstIndex { position < $0 } ?? (variants.count - 1)
        return ExperimentAssignment(experiment: name, variant: variants[index].name)
    }

    /// Where `unitID` falls in [0, 1) for `salt`: uniform over units, stable across processes.
    public static func position(of unitID: String, salt: String) -> Double {
        var hash = FNV1a()
        hash.combine(salt)
        // A separator keeps ("ab", "c") and ("a", "bc") apart.
        hash.combine(CollectionOfOne(0))
        hash.combine(unitID)
        // FNV-1a's last bytes barely reach the high bits, so ids that differ only at the end
        // (`user-1`, `user-2`) would cluster; the MurmurHash3 finaliser spreads every bit.
        var x = hash.value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return Double(x >> 11) * 0x1p-53
    }
}
