/// What a pipeline (or Loupe's SDK router) can do on its own when a call fails with a given category.
///
/// Raw values are stable API strings: they are stored, returned by the JSON API and matched by SDKs.
public enum AutomaticAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Wait (honouring `Retry-After` when given) and retry with exponential backoff and jitter.
    case retryWithBackoff = "retry_with_backoff"
    /// Send the request to another model or provider of similar capability.
    case fallbackToAnotherModel = "fallback_to_another_model"
    /// Trim, summarise or chunk the input, or lower the requested output tokens, then retry.
    case shrinkOrChunkContext = "shrink_or_chunk_context"
    /// Refresh or rotate the credential; retrying with the same one cannot succeed.
    case rotateCredentials = "rotate_credentials"
    /// Raise the quota or budget, or route to another account or project.
    case raiseQuotaOrSwitchAccount = "raise_quota_or_switch_account"
    /// Rephrase the prompt or send the content for human review; do not retry it unchanged.
    case rephraseOrReviewContent = "rephrase_or_review_content"
    /// Fix the request (parameters, model name, message structure); retrying it unchanged fails again.
    case fixRequest = "fix_request"
    /// Retry once with a repair prompt that shows the model its invalid output and the expected schema.
    case retryWithRepairPrompt = "retry_with_repair_prompt"
    /// Lower the batch size or concurrency, or move the workload to larger hardware.
    case reduceBatchOrScaleHardware = "reduce_batch_or_scale_hardware"
    /// Look at the failing tool's own logs and inputs; the model call itself was fine.
    case inspectTool = "inspect_tool"
    /// Check the input, the documents or the index; retrying unchanged fails again.
    case checkData = "check_data"
    /// Revise the prompt (format, instructions, step limits); retrying unchanged may fail again.
    case revisePrompt = "revise_prompt"
    /// Nothing can be done automatically.
    case none

    /// Whether repeating the same request later, unchanged, may succeed.
    public var retriesUnchanged: Bool {
        switch self {
        case .retryWithBackoff, .fallbackToAnotherModel: return true
        default: return false
        }
    }

    /// A short human label, for dashboards and CLI output.
    public var title: String {
        switch self {
        case .retryWithBackoff: return "Retry with backoff"
        case .fallbackToAnotherModel: return "Fall back to another model"
        case .shrinkOrChunkContext: return "Shrink or chunk the context"
        case .rotateCredentials: return "Rotate credentials"
        case .raiseQuotaOrSwitchAccount: return "Raise quota or switch account"
        case .rephraseOrReviewContent: return "Rephrase or review the content"
        case .fixRequest: return "Fix the request"
        case .retryWithRepairPrompt: return "Retry with a repair prompt"
        case .reduceBatchOrScaleHardware: return "Reduce batch size or scale hardware"
        case .inspectTool: return "Inspect the tool"
        case .checkData: return "Check the data or index"
        case .revisePrompt: return "Revise the prompt"
        case .none: return "No automatic action"
        }
    }
}
