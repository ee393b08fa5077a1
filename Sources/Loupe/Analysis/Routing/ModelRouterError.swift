/// Thrown by ``ModelRouter/route(isolation:_:)`` when no model in the chain answered.
public struct ModelRouterError: Error, CustomStringConvertible {
    /// One model that was called and failed.
    public struct Failure: Sendable {
        public var model: String
        public var error: any Error

        public init(model: String, error: any Error) {
            self.model = model
            self.error = error
        }
    }

    /// The models that were called and failed, in chain order.
    public var failures: [Failure]
    /// The models passed over because their circuit was open, in chain order.
    public var skippedModels: [String]

    public init(failures: [Failure], skippedModels: [String]) {
        self.failures = failures
        self.skippedModels = skippedModels
    }

    /// The models that failed, with their errors, and the ones skipped.
    public var description: String {
        let failed = failures.map { "\($0.model): \($0.error)" }.joined(separator: "; ")
        let skipped = skippedModels.isEmpty ? "" : " (circuit open: \(skippedModels.joined(separator: ", ")))"
        return failures.isEmpty
            ? "Every model's circuit is open\(skipped)" : "Every model failed: \(failed)\(skipped)"
    }
}
