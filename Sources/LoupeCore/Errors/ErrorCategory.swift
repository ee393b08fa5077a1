/// The kind of failure behind an errored span, independent of which provider or client reported it.
///
/// Raw values are stable API strings: they are stored with every span, used as rollup keys and
/// returned by the JSON API. Never rename one; add new cases instead.
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// Too many requests or tokens per unit of time, or the model is at capacity / overloaded.
    case rateLimit = "rate_limit"
    /// Billing, credits or a hard quota is used up; waiting a minute will not help.
    case quotaExhausted = "quota_exhausted"
    /// The prompt, the requested output tokens or the request body exceeds what the model accepts.
    case contextLength = "context_length"
    /// Timeouts and network failures: read/connect timeouts, resets, DNS, gateway timeouts.
    case timeout
    /// Missing, invalid or expired credentials, missing permissions, or model/region access not granted.
    case authentication
    /// Blocked by a safety system, moderation, a guardrail or a refusal on policy grounds.
    case contentFilter = "content_filter"
    /// The request itself is wrong: bad parameters, malformed messages, unknown model or endpoint.
    case invalidRequest = "invalid_request"
    /// The call succeeded but its output could not be used: malformed JSON, schema validation.
    case outputParsing = "output_parsing"
    /// Local resources ran out: memory, GPU memory, KV cache, disk.
    case resourceExhausted = "resource_exhausted"
    /// The provider failed on its side (500, 502, 503, internal errors).
    case providerError = "provider_error"
    /// A tool or function the pipeline called failed.
    case toolFailure = "tool_failure"
    /// The data the pipeline fed or retrieved was wrong: a document or id not found, an embedding
    /// dimension mismatch, empty or malformed input, a retrieval that found nothing, a missing index.
    case dataQuality = "data_quality"
    /// The prompt did not get the behaviour it asked for: the model ignored the required format or
    /// instructions, refused the task, or an agent looped until its step limit.
    case prompt
    /// Nothing recognisable.
    case unknown

    /// A short human label, for dashboards and CLI output.
    public var title: String {
        switch self {
        case .rateLimit: return "Rate limited"
        case .quotaExhausted: return "Quota or credits exhausted"
        case .contextLength: return "Context length exceeded"
        case .timeout: return "Timeout or network failure"
        case .authentication: return "Authentication or access denied"
        case .contentFilter: return "Blocked by content filter"
        case .invalidRequest: return "Invalid request"
        case .outputParsing: return "Output could not be parsed"
        case .resourceExhausted: return "Out of memory or disk"
        case .providerError: return "Provider error"
        case .toolFailure: return "Tool failure"
        case .dataQuality: return "Data quality"
        case .prompt: return "Prompt not followed"
        case .unknown: return "Unknown error"
        }
    }

    /// Whether the same request may succeed if simply retried later.
    ///
    /// Alerting uses this to tell a flapping provider from a bug that will fail every time.
    public var isTransient: Bool {
        switch self {
        case .rateLimit, .timeout, .providerError: return true
        default: return false
        }
    }

    /// What a pipeline can do on its own about this kind of failure.
    public var recommendedAction: AutomaticAction {
        switch self {
        case .rateLimit: return .retryWithBackoff
        case .quotaExhausted: return .raiseQuotaOrSwitchAccount
        case .contextLength: return .shrinkOrChunkContext
        case .timeout: return .retryWithBackoff
        case .authentication: return .rotateCredentials
        case .contentFilter: return .rephraseOrReviewContent
        case .invalidRequest: return .fixRequest
        case .outputParsing: return .retryWithRepairPrompt
        case .resourceExhausted: return .reduceBatchOrScaleHardware
        // Provider SDKs already retry 5xx a few times before the error reaches a span,
        // so by then another model is the more useful move.
        case .providerError: return .fallbackToAnotherModel
        case .toolFailure: return .inspectTool
        case .dataQuality: return .checkData
        case .prompt: return .revisePrompt
        case .unknown: return .none
        }
    }

    /// What the engineer on call should do, most likely fix first.
    public var remediation: Remediation {
        switch self {
        case .rateLimit:
            return Remediation(
                summary: "The provider is limiting requests or tokens per minute, or the model is overloaded; back off and retry.",
                steps: [
                    "Retry with exponential backoff and jitter, honouring the Retry-After header when present.",
                    "Cap concurrency so the pipeline stops sending more than the limit can absorb.",
                    "Spread load across deployments, regions or cross-region inference profiles.",
                    "Request a higher rate limit (TPM/RPM) or buy provisioned throughput if it happens at steady load.",
                ])
        case .quotaExhausted:
            return Remediation(
                summary: "The account has run out of quota, credits or budget; retries will keep failing until it is raised.",
                steps: [
                    "Check the provider's billing page for the balance, spend limit or hard quota that was hit.",
                    "Add credits, raise the spend limit or request a quota increase.",
                    "Route traffic to another account, project or provider until the quota is restored.",
                    "Alert before the limit next time: track cost per day against the budget in Loupe.",
                ])
        case .contextLength:
            return Remediation(
                summary: "The input plus the requested output is larger than the model accepts; make the request smaller.",
                steps: [
                    "Count tokens before sending and trim conversation history or retrieved context to fit.",
                    "Chunk long documents and map-reduce or summarise them instead of sending them whole.",
                    "Lower max_tokens (max_new_tokens) so input plus output fits the context window.",
                    "Switch to a model with a larger context window for these requests.",
                ])
        case .timeout:
            return Remediation(
                summary: "The call timed out or the connection failed; retry, and check timeouts and network paths.",
                steps: [
                    "Retry with backoff; most timeouts and resets are transient.",
                    "Make sure the client timeout is longer than the model's typical latency for this prompt size, or stream the response.",
                    "Check DNS, proxies, VPC endpoints and firewalls between the pipeline and the provider.",
                    "Reduce prompt or output size if long generations hit a server-side deadline.",
                ])
        case .authentication:
            return Remediation(
                summary: "The credentials were missing, invalid or expired, or this key lacks access to the model or region.",
                steps: [
                    "Check that the API key, token or role is set in this environment and has not expired or been revoked.",
                    "Rotate the credential and update the secret store.",
                    "Grant the missing permission (IAM policy, role, CORTEX_USER) or request access to the model.",
                    "Check that the model is available in this region, or enable cross-region inference.",
                ])
        case .contentFilter:
            return Remediation(
                summary: "A safety system, moderation check or guardrail blocked the prompt or the response.",
                steps: [
                    "Look at the flagged input or output and decide whether the block was correct.",
                    "Rephrase the system or user prompt, or sanitise untrusted content before sending it.",
                    "Send blocked conversations to human review instead of retrying them unchanged.",
                    "If blocks are false positives, review the content filter or guardrail configuration.",
                ])
        case .invalidRequest:
            return Remediation(
                summary: "The provider rejected the request as malformed; it will fail again until the request is fixed.",
                steps: [
                    "Read the message: it usually names the parameter, field or model that is wrong.",
                    "Check the model or deployment name, API version and endpoint URL.",
                    "Check message structure (role order, tool call and tool result pairing) and parameter ranges.",
                    "Pin the SDK version if an upgrade changed the request shape.",
                ])
        case .outputParsing:
            return Remediation(
                summary: "The model (or a retriever) answered, but the output was unusable: malformed, off-schema or empty.",
                steps: [
                    "Retry once with a repair prompt that includes the invalid output and the expected schema.",
                    "Use the provider's structured output or JSON mode, or constrained decoding, where available.",
                    "Make parsers tolerant (strip code fences, accept extra fields) and validate with clear errors.",
                ])
        case .dataQuality:
            return Remediation(
                summary: "The data was wrong, not the model: a document or index was missing, input was empty or malformed, or vectors did not fit.",
                steps: [
                    "Read the message: it usually names the document, collection or field that is missing or malformed.",
                    "For empty retrievals, check that the index is populated and that filters and the similarity threshold are not too strict.",
                    "For dimension mismatches, embed queries with the same model (and dimensions) the index was built with.",
                    "Validate inputs before the call: skip or report empty documents and queries instead of sending them.",
                ])
        case .prompt:
            return Remediation(
                summary: "The model did not do what the prompt asked: it broke the required format, refused, or an agent ran out of steps.",
                steps: [
                    "Open a sample trace and compare the completion with the instructions it was given.",
                    "State the required format explicitly, with an example, or use structured output or tool calling instead of free text.",
                    "For refusals, check whether the task is phrased in a way the model reads as unsafe or out of scope.",
                    "For agents that hit their step limit, look for a loop of repeated tool calls and give the agent a way to stop.",
                ])
        case .resourceExhausted:
            return Remediation(
                summary: "The process ran out of memory, GPU memory or disk.",
                steps: [
                    "Reduce batch size, concurrency or max sequence length.",
                    "For GPU inference, lower the memory used by the KV cache (max_model_len, gpu_memory_utilization) or quantise the model.",
                    "Move the workload to a larger instance or GPU, or shard the model.",
                    "Free disk space or raise the volume size and memory limits.",
                ])
        case .providerError:
            return Remediation(
                summary: "The provider failed on its side; this is usually transient.",
                steps: [
                    "Retry with backoff; the provider's SDK may already have retried.",
                    "Fall back to another model, region or provider if it persists.",
                    "Check the provider's status page for an ongoing incident.",
                    "Report the request id to the provider if it keeps happening for the same input.",
                ])
        case .toolFailure:
            return Remediation(
                summary: "A tool or function the pipeline called failed; the model call itself was not the problem.",
                steps: [
                    "Open the tool span and check its inputs: the model may have passed invalid arguments.",
                    "Check the tool's own dependencies (APIs, databases, files) and their errors.",
                    "Return tool errors to the model as a tool result so it can recover, instead of failing the run.",
                    "Make sure every tool the model is told about is registered and reachable.",
                ])
        case .unknown:
            return Remediation(
                summary: "The error did not match any known pattern.",
                steps: [
                    "Open a sample trace and read the exception and its stack trace.",
                    "If it recurs, add a rule to the error rules file so it is categorised from now on.",
                ])
        }
    }
}
