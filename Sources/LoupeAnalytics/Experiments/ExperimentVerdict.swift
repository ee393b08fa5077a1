/// What to do about one treatment, in plain words.
public struct ExperimentVerdict: Sendable, Hashable {
    public enum Decision: String, Sendable, Hashable, CaseIterable {
        /// The treatment is better (or as good and cheaper or faster): roll it out.
        case shipTreatment = "ship_treatment"
        /// The treatment is worse: keep the control.
        case keepControl = "keep_control"
        /// No answer yet: keep collecting.
        case keepRunning = "keep_running"
        /// The split is not what it should be: the results cannot be trusted until assignment is fixed.
        case checkAssignment = "check_assignment"
    }

    public var decision: Decision
    /// Why, with the figures that decided it.
    public var reason: String
    /// For ``Decision/keepRunning``: about how many more requests would show the observed
    /// difference in success rate with 80% power; nil when no difference was observed.
    public var moreRequests: Int?
}
