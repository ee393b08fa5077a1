/// Built-in rules, first in precedence: provider identifiers that name one failure mode whatever the
/// message says. See ``ErrorRuleSet/builtInRules`` for the whole order.
extension ErrorRuleSet {
    // MARK: 1. Provider identifiers

    static var providerIdentifiers: [ErrorRule] {
        [
            // One request larger than a per-minute token limit never fits, however long the caller
            // waits: OpenAI and Groq still send it as a 429 (or 413) `rate_limit_exceeded`.
            ErrorRule(
                id: "context_length.request_too_large", category: .contextLength,
                messageContains: ["request too large for", "must be reduced in order to run", "reduce your message size"]),
            ErrorRule(
                id: "quota.identifier", category: .quotaExhausted,
                typeEquals: [
                    "insufficient_quota", "billing_hard_limit_reached", "billing_not_active", "billing_error",
                    "InsufficientQuota", "ServiceQuotaExceededException", "CORTEX_FUNCTION_QUOTA_EXCEEDED",
                    "PaymentRequired", "insufficient_balance", "Arrearage",
                ],
                codeEquals: [
                    "insufficient_quota", "billing_hard_limit_reached", "billing_not_active", "billing_error",
                    "InsufficientQuota", "ServiceQuotaExceededException", "CORTEX_FUNCTION_QUOTA_EXCEEDED",
                    "insufficient_balance", "Arrearage",
                    // Zhipu's "insufficient balance", sent as a 429.
                    "1113",
                ]),
            // The provider could not fetch a URL the request gave it (an image): the request's fault.
            ErrorRule(
                id: "invalid_request.fetch", category: .invalidRequest, messageContains: ["timeout while downloading"]),
            // A model that declined to answer did not do what the prompt asked; one that declined on
            // its safety policy was filtered (the next rule).
            ErrorRule(
                id: "prompt.refusal", category: .prompt, typeEquals: ["refusal"],
                codeEquals: ["refusal"], messageExcludes: ["safety", "polic"]),
            ErrorRule(
                id: "content_filter.identifier", category: .contentFilter,
                typeEquals: [
                    "content_filter", "content_policy_violation", "ResponsibleAIPolicyViolation",
                    "ContentFilterFinishReasonError", "ContentPolicyViolationError", "BlockedPromptException",
                    "StopCandidateException", "guardrail_intervened", "refusal", "InputGuardrailTripwireTriggered",
                    "OutputGuardrailTripwireTriggered", "moderation_blocked",
                ],
                codeEquals: [
                    "content_filter", "content_policy_violation", "ResponsibleAIPolicyViolation", "invalid_prompt",
                    "guardrail_intervened", "SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION",
                    "refusal", "moderation_blocked",
                ]),
            ErrorRule(
                id: "context_length.identifier", category: .contextLength,
                typeEquals: [
                    "context_length_exceeded", "ContextWindowExceededError", "LengthFinishReasonError",
                    "request_too_large", "max_tokens_per_request",
                ],
                codeEquals: [
                    "context_length_exceeded", "string_above_max_length", "max_tokens_per_request",
                    "request_too_large", "context_window_exceeded",
                ]),
            ErrorRule(
                id: "authentication.identifier", category: .authentication,
                typeEquals: [
                    "authentication_error", "permission_error", "invalid_api_key", "AuthenticationError",
                    "PermissionDeniedError", "AccessDeniedException", "UnrecognizedClientException",
                    "ExpiredTokenException", "InvalidSignatureException", "IncompleteSignature",
                    "MissingAuthenticationTokenException", "NoCredentialsError", "PartialCredentialsError",
                    "PermissionDenied", "PERMISSION_DENIED", "UNAUTHENTICATED", "Unauthenticated", "RefreshError",
                    "DefaultCredentialsError", "AuthenticationTypeDisabled",
                ],
                codeEquals: [
                    "invalid_api_key", "invalid_authentication", "authentication_error", "permission_error",
                    "AccessDeniedException", "UnrecognizedClientException", "ExpiredTokenException",
                    "PERMISSION_DENIED", "UNAUTHENTICATED", "API_KEY_INVALID", "unsupported_country_region_territory",
                    "AuthenticationTypeDisabled", "PermissionDenied",
                    // Snowflake: incorrect credentials, invalid JWT, invalid and expired OAuth tokens.
                    "390100", "390144", "390303", "390318",
                ]),
            ErrorRule(
                id: "resource.identifier", category: .resourceExhausted,
                typeEquals: [
                    "OutOfMemoryError", "MemoryError", "_ArrayMemoryError", "OOMKilled", "ResourceExhaustedError",
                ],
                codeEquals: ["OOMKilled", "ENOSPC", "ENOMEM"]),
            // Agent frameworks' step and turn limits, and refusals to produce the structured output asked for.
            ErrorRule(
                id: "prompt.identifier", category: .prompt,
                typeEquals: [
                    "MaxTurnsExceeded", "AgentMaxStepsError", "MaxStepsExceeded", "MaxIterationsExceeded",
                    "UsageLimitExceeded", "NoStructuredOutputError",
                    "AgentParsingError", "GraphRecursionError", "LlmCallsLimitExceededError", "StopMessage",
                    "FunctionCallingFormatError", "ModelRefusalError", "AgentStuckInLoopError", "ErrAgentNoReturn",
                    "ErrUnableToParseOutput",
                    // instructor gives up after the model kept answering in the wrong shape.
                    "InstructorRetryException",
                ],
                codeEquals: [
                    "ITERATION_LIMIT_CROSSED", "max_turns_exceeded", "max_iterations", "GRAPH_RECURSION_LIMIT",
                    "mistake_limit_reached", "StopReasonStuck",
                ],
                // A limit reached because a tool kept failing is the tool's failure.
                messageExcludes: ["tool exceeded", "tool call failed", "tool '"]),
            // LangChain raises OutputParserException when a model ignored the format it was told to
            // answer in (an agent's Thought/Action lines, a fenced JSON block): the prompt's failure.
            // Plain JSON that does not decode stays an output-parsing failure.
            ErrorRule(
                id: "prompt.format", category: .prompt, typeEquals: ["OutputParserException"],
                messageContains: [
                    "could not parse llm output", "parse-able action", "parseable action",
                    "expected markdown code snippet",
                    "invalid format", "missing 'action", "did not follow",
                ]),
            // A missing collection, index or document, where data is read: the data's problem, not the request's.
            ErrorRule(
                id: "data_quality.identifier", category: .dataQuality,
                typeEquals: [
                    "DataTypeNotMatchException", "DataNotMatchException", "DimensionMismatchError", "EmptyRetrievalError",
                    "UnicodeDecodeError", "PdfReadError", "PdfiumError", "ConversionError", "DuplicateDocumentError",
                    "DuplicateIDError", "IntegrityError", "PackageNotFoundError", "PDFPageCountError",
                    "UnidentifiedImageError", "ConversionInputException",
                ]),
            ErrorRule(
                id: "data_quality.not_found", category: .dataQuality, operations: [.retrieval, .embedding, .rerank],
                typeContains: ["NotFound", "NotExist"]),
            ErrorRule(
                id: "output_parsing.identifier", category: .outputParsing,
                typeEquals: [
                    "JSONDecodeError", "DecodingError", "OutputParserException",
                    "AI_JSONParseError", "AI_TypeValidationError", "AI_NoObjectGeneratedError", "JSONParseError",
                ],
                codeEquals: ["json_validate_failed"]),
            ErrorRule(
                id: "tool.identifier", category: .toolFailure,
                typeEquals: [
                    "ToolException", "ToolExecutionError", "ToolError", "AI_ToolExecutionError", "AI_NoSuchToolError",
                    "AI_InvalidToolArgumentsError", "McpError", "ToolInvocationError", "ToolInputParsingException",
                    "ToolNotFoundError", "InterpreterError", "EditorToolParameterInvalidError",
                    "ToolParameterValidationError",
                ],
                codeEquals: ["tool_use_failed"],
                messageExcludes: ["timed out", "timeout"]),
            ErrorRule(
                id: "timeout.identifier", category: .timeout,
                typeEquals: [
                    "DEADLINE_EXCEEDED", "DeadlineExceeded", "ModelTimeoutException", "APITimeoutError",
                    "APIConnectionError", "Timeout", "TimeoutError", "TimeoutException", "ReadTimeout",
                    "ConnectTimeout", "WriteTimeout", "PoolTimeout", "ReadTimeoutError", "ConnectTimeoutError",
                    "ConnectionError", "ConnectError", "EndpointConnectionError", "RemoteProtocolError",
                    "ClientConnectorError", "ServerDisconnectedError", "ServerTimeoutError", "ConnectionResetError",
                    "ConnectionRefusedError", "ConnectionAbortedError", "BrokenPipeError", "gaierror",
                    "HeadersTimeoutError",
                ],
                codeEquals: [
                    "DEADLINE_EXCEEDED", "ModelTimeoutException", "timeout", "ETIMEDOUT", "ECONNRESET", "ECONNREFUSED",
                    "ENOTFOUND", "EAI_AGAIN", "EPIPE", "UND_ERR_CONNECT_TIMEOUT",
                    // URLError: timed out, cannot find host, cannot connect, connection lost, DNS lookup
                    // failed, not connected to the internet.
                    "-1001", "-1003", "-1004", "-1005", "-1006", "-1009",
                ],
                // LiteLLM reports any failure it cannot map as APIConnectionError; one that speaks of
                // authorisation is not a network failure.
                messageExcludes: ["not authorized", "access is denied", "access denied", "permission"]),
            ErrorRule(
                id: "rate_limit.identifier", category: .rateLimit,
                typeEquals: [
                    "rate_limit_exceeded", "rate_limit_error", "overloaded_error", "ThrottlingException",
                    "TooManyRequestsException", "ModelNotReadyException", "RateLimitExceeded", "SlowDown",
                    // Text Generation Inference's error_type when its queue is full.
                    "overloaded",
                ],
                codeEquals: [
                    "rate_limit_exceeded", "rate_limit_error", "overloaded_error", "ThrottlingException",
                    "TooManyRequestsException", "ModelNotReadyException", "RateLimitExceeded", "TooManyRequests",
                ]),
        ]
    }
}
