/// One rule that reads the stored data and proposes changes of one or a few kinds.
public protocol RecommendationAdvisor: Sendable {
    /// The kinds it can propose, so a query for other kinds skips it.
    var kinds: [Recommendation.Kind] { get }
    func recommendations(_ input: RecommendationInput) -> [Recommendation]
}

extension Recommendation {
    /// Every advisor Loupe runs, in no particular order (the report sorts).
    public static let advisors: [any RecommendationAdvisor] = [
        ModelSelectionAdvisor(), RetryCostAdvisor(), RateLimitAdvisor(), ResponseCacheAdvisor(), PromptCacheAdvisor(),
        ContextWindowAdvisor(), CompletionLimitAdvisor(), RetrievalAdvisor(), SlowStageAdvisor(), WarehouseSizingAdvisor(),
    ]
}
