extension SpanRecord {
    /// The attribute pairs that name an experiment and its variant, most specific first: Loupe's
    /// SDK (`Span.recordExperiment`), OpenTelemetry's feature-flag conventions (the current
    /// `feature_flag.result.variant` and the older `feature_flag.variant`), and the plain
    /// `experiment.name` / `experiment.variant` other languages reach for.
    public static let experimentAttributes: [(experiment: String, variant: String)] = [
        ("loupe.experiment", "loupe.experiment.variant"),
        ("feature_flag.key", "feature_flag.result.variant"),
        ("feature_flag.key", "feature_flag.variant"),
        ("experiment.name", "experiment.variant"),
    ]

    /// The experiment the span ran under, from its attributes or, for feature flags, from the
    /// `feature_flag.evaluation` (formerly `feature_flag`) event OpenTelemetry records them on.
    public var experimentLabel: ExperimentLabel? {
        if let label = Self.experimentLabel(in: attributes) { return label }
        for event in events where event.name == "feature_flag.evaluation" || event.name == "feature_flag" {
            if let label = Self.experimentLabel(in: event.attributes) { return label }
        }
        return nil
    }

    private static func experimentLabel(in attributes: [String: AttributeValue]) -> ExperimentLabel? {
        for pair in experimentAttributes {
            guard let experiment = attributes[pair.experiment]?.stringValue, !experiment.isEmpty,
                let variant = attributes[pair.variant]?.stringValue, !variant.isEmpty
            else { continue }
            return ExperimentLabel(experiment: String(experiment.prefix(200)), variant: String(variant.prefix(200)))
        }
        return nil
    }
}
