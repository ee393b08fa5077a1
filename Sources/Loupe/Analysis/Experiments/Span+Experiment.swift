extension Span {
    /// Records `assignment` as `loupe.experiment` and `loupe.experiment.variant`, so the span and
    /// its events can be compared across variants.
    ///
    /// A span carries one experiment: recording a second replaces the first.
    public func recordExperiment(_ assignment: @autoclosure () -> ExperimentAssignment) {
        guard isRecording else { return }
        setAttributes(assignment().attributes)
    }
}
