extension ErrorRuleSet {
    /// The built-in rules, in precedence order. The first match wins, so the order is the policy:
    ///
    /// 1. **Provider identifiers** that name one failure mode whatever the message says
    ///    (`insufficient_quota`, `context_length_exceeded`, `ThrottlingException`, `JSONDecodeError`).
    /// 2. **Message phrases**, most specific category first. Quota before rate limit, because
    ///    "you exceeded your current quota" arrives as a 429 `RateLimitError`; content filter and
    ///    context length before invalid request, because both arrive as 400s; memory before
    ///    context length and rate limit, because CUDA messages mention capacity and tokens.
    /// 3. **The operation**: a failed tool span is a tool failure unless a phrase said more.
    /// 4. **HTTP status**, stated or inferred from the message.
    /// 5. **Generic identifiers** that only restate a status (`BadRequestError`, `INVALID_ARGUMENT`,
    ///    `ValidationException`, `InternalServerError`). They come after the status because they are
    ///    its proxies and are reused loosely: OpenAI reports some 429 limits with the type
    ///    `invalid_request_error`.
    ///
    /// Phrases are written from the providers' documented error formats and SDK exception
    /// classes, not from individual messages, and are matched case-insensitively.
    static var builtInRules: [ErrorRule] {
        providerIdentifiers + messagePhrases + operationRules + statusRules + genericIdentifiers
    }

    // MARK: 1. Provider identifiers

    private static var providerIdentifiers: [ErrorRule] {
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
                    "PaymentRequired", "insufficient_balance",
                ],
                codeEquals: [
                    "insufficient_quota", "billing_hard_limit_reached", "billing_not_active", "billing_error",
                    "InsufficientQuota", "ServiceQuotaExceededException", "CORTEX_FUNCTION_QUOTA_EXCEEDED",
                    "insufficient_balance",
                ]),
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
                    "UsageLimitExceeded", "UnexpectedModelBehavior", "NoStructuredOutputError", "AdapterParseError",
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
                // pydantic-ai raises UnexpectedModelBehavior for a tool that keeps failing too.
                messageExcludes: ["tool exceeded", "tool call failed", "tool '"]),
            // LangChain raises OutputParserException when a model ignored the format it was told to
            // answer in (an agent's Thought/Action lines, a fenced JSON block): the prompt's failure.
            // Plain JSON that does not decode stays an output-parsing failure.
            ErrorRule(
                id: "prompt.format", category: .prompt, typeEquals: ["OutputParserException"],
                messageContains: [
                    "could not parse llm output", "parse-able action", "parseable action", "expected markdown code snippet",
                    "invalid format", "missing 'action", "did not follow",
                ]),
            // A missing collection, index or document, where data is read: the data's problem, not the request's.
            ErrorRule(
                id: "data_quality.identifier", category: .dataQuality,
                typeEquals: [
                    "DataTypeNotMatchException", "DataNotMatchException", "DimensionMismatchError", "EmptyRetrievalError",
                    "UnicodeDecodeError", "PdfReadError", "PdfiumError", "ConversionError", "DuplicateDocumentError",
                    "DuplicateIDError", "IntegrityError",
                ]),
            ErrorRule(
                id: "data_quality.not_found", category: .dataQuality, operations: [.retrieval, .embedding, .rerank],
                typeContains: ["NotFound", "NotExist"]),
            ErrorRule(
                id: "output_parsing.identifier", category: .outputParsing,
                typeEquals: [
                    "JSONDecodeError", "DecodingError", "OutputParserException",
                    "AI_JSONParseError", "AI_TypeValidationError", "AI_NoObjectGeneratedError", "JSONParseError",
                ]),
            ErrorRule(
                id: "tool.identifier", category: .toolFailure,
                typeEquals: [
                    "ToolException", "ToolExecutionError", "ToolError", "AI_ToolExecutionError", "AI_NoSuchToolError",
                    "AI_InvalidToolArgumentsError", "McpError", "ToolInvocationError", "ToolInputParsingException",
                    "ToolNotFoundError", "InterpreterError", "EditorToolParameterInvalidError", "ToolParameterValidationError",
                ],
                codeEquals: ["tool_use_failed"]),
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

    // MARK: 2. Message phrases

    private static var messagePhrases: [ErrorRule] {
        [
            // First: a loop or a tool names the failure better than the error it ended on ("tool X
            // failed: connection reset" is the tool's failure; "recursion limit reached" is the prompt's).
            ErrorRule(
                id: "prompt.message", category: .prompt,
                messageContains: [
                    "could not parse llm output", "parse-able action", "parseable action", "expected markdown code snippet",
                    "invalid format", "did not follow", "failed to parse the lm response", "did not return structured output",
                    "max turns", "max steps", "maximum steps", "max iterations", "maximum iterations", "iteration limit",
                    "agent stopped due to", "request_limit", "exceeded maximum retries", "for output validation",
                    // Loops: an agent that ran out of iterations, turns, messages or calls.
                    "maximum iteration", "recursion limit", "step limit", "maximum number of messages",
                    "maximum number of turns", "max number of", "calls limit", "need more steps", "token usage limit reached",
                    "sequential tool executions", "you can't keep going", "stop using this action input",
                    "reusing the same input",
                    // Format: the model did not answer in the shape the prompt asked for.
                    "did not conform", "not formatted correctly", "invalid or incomplete response", "did not use a tool",
                    "plain text responses are not permitted", "must always include", "does not contain any json blob",
                    "error in code parsing", "failed validation:", "failed to resolve the next speaker",
                    "missing 'command'", "edit format", "did not use any tool", "multiple tool calls", "exactly one action",
                    "no actions or finish", "no action in", "final answer not found", "could not be parsed properly",
                    "unable to parse agent output", "produced invalid content", "modifying your prompt",
                    "unable to select next agent", "setting it to empty json", "format errors", "format/",
                    "reflections allowed", "maximum agent steps", "agent steps", "total attempts:",
                ]),
            // An agent going round in circles (but not asyncio's event loop).
            ErrorRule(
                id: "prompt.loop", category: .prompt,
                messageContains: [
                    "stuck in a loop", "loop was detected", "loop detected", "looks like a loop", "in a loop",
                    "without progress", "stalled", "duplicate responses", "repeated tool calls", "repetitive tool calls",
                ],
                messageExcludes: ["event loop"]),
            ErrorRule(
                id: "tool.message", category: .toolFailure,
                messageContains: [
                    "tool execution", "executing tool", "tool call failed", "function call failed",
                    "tool usage failed", "failed to call tool", "while calling tool", "unavailable tool",
                    "no such tool", "tool not found", "unknown tool", "tool error", "mcp error", "input for tool",
                    "to use the tool", "failed to call a function", "plugin and/or function", "not found in agent",
                    "invoking tool", "invoking mcp tool", "running the tool", "tool invocation failed", "tool exceeded",
                    "tool input", "action input is not a valid", "unknown function", "function call request for a function",
                    "not found in the tools", "tools_dict", "no toolcallback", "error parsing tool call",
                    "malformed function call", "malformed_function_call", "without value for required parameter",
                    "string to replace not found", "unable to find insert_after", "error executing task with agent",
                    "not a tool named", "tool parameter", "tool config", "extracting tool call", "tool_call requires",
                    "function could not be found", "failed to find expected lines", "block failed to match", "apply_patch",
                    "code execution failed", "interpretererror", "authorized imports", "not found in the agent tree",
                    "was not executed", "outside allowed director",
                ]),
            ErrorRule(
                id: "quota.message", category: .quotaExhausted,
                messageContains: [
                    "insufficient_quota", "insufficient quota", "exceeded your current quota", "billing",
                    "credit balance", "purchase credits", "more credits", "included credits", "out of credits",
                    "credits exhausted", "insufficient balance", "insufficient funds", "payment required",
                    "spend limit", "spending limit", "hard limit", "api usage limits", "exceeds the service quota",
                    "quota has been exhausted", "budget exceeded", "exceeded your budget",
                ]),
            ErrorRule(
                id: "content_filter.message", category: .contentFilter,
                messageContains: [
                    "content filter", "content_filter", "content management policy", "content policy",
                    "content_policy", "responsibleaipolicyviolation", "safety system", "safety filter",
                    "safety_ratings", "safety ratings", "safety settings", "block_reason", "blockedreason",
                    "blocked by", "was blocked", "been blocked", "prohibited_content", "finish_reason=safety",
                    "finishreason.safety", "usage policy", "usage policies", "flagged", "moderation", "guardrail",
                    "cortex guard", "tripwire", "recitation", "jailbreak", "prompt shield", "refusal",
                    "unsafe content", "harmful content", "toxic", "is blocked", "violate our polic", "violates our polic",
                    "policy violation", "data_inspection_failed", "不安全", "敏感",
                ]),
            ErrorRule(
                id: "resource.message", category: .resourceExhausted,
                messageContains: [
                    "out of memory", "outofmemory", "oomkilled", "oom-kill", "oom when allocating",
                    "no space left on device", "disk quota exceeded", "disk full", "unable to allocate",
                    "cannot allocate memory", "failed to allocate", "not enough memory", "insufficient memory",
                    "memory exhausted", "more system memory", "exceeded its memory", "memory limit", "kv cache",
                    "cache blocks", "gpu_memory_utilization", "disk space", "signal: killed", "killed by the oom",
                ]),
            ErrorRule(
                id: "context_length.message", category: .contextLength,
                messageContains: [
                    "maximum context length", "context length", "context_length", "context window", "context limit",
                    "prompt is too long", "input is too long", "input too long", "text is too long",
                    "string too long", "message is too long", "messages are too long", "request too large",
                    "request_too_large", "payload too large", "request entity too large",
                    "maximum allowed number of bytes", "maximum number of tokens", "input token count",
                    "maximum allowed number of output tokens", "max_tokens is too large", "max tokens of",
                    "`inputs` tokens + `max_new_tokens`", "`inputs` must have less than", "tokens in the prompt",
                    "tokens per request", "reduce the length of the messages", "reduce your prompt",
                    "decrease input length", "length limit was reached", "finish_reason=length",
                    "finish_reason: length", "stop_reason=max_tokens", "maximum input length", "prompt is too big",
                    "prompt is too large", "input is too big",
                ]),
            ErrorRule(
                id: "rate_limit.message", category: .rateLimit,
                messageContains: [
                    "rate limit", "rate_limit", "ratelimit", "rate-limit", "too many requests", "throttl",
                    "overloaded", "over capacity", "at capacity", "model capacity", "insufficient capacity",
                    "capacity constraints", "high demand", "quota exceeded", "exceeded quota", "exceeded the quota",
                    "resource has been exhausted", "resource_exhausted", "please wait before trying again",
                    "currently loading", "not ready to serve", "requests per min", "tokens per min", "per minute",
                    "per_minute", "slow down", "reduce the frequency", "too many concurrent", "concurrency limit",
                ]),
            ErrorRule(
                id: "authentication.message", category: .authentication,
                messageContains: [
                    "api key", "api_key", "apikey", "x-api-key", "api token", "access token", "unauthorized",
                    "unauthorised", "authentication", "not authenticated", "credentials", "permission denied",
                    "permission_denied", "does not have permission", "do not have permission",
                    "don't have permission", "not authorized", "access denied", "accessdenied", "forbidden",
                    "security token", "token has expired", "token has been expired", "token is invalid",
                    "token is expired", "expired token", "invalid token", "invalid_grant", "revoked",
                    "not allowed to sample", "have access to model", "have access to the model",
                    "organization has been disabled", "account has been disabled", "account is disabled",
                    "deactivated", "subscription key", "private endpoint", "public access is disabled",
                    "not available in region", "not available in your region", "unavailable in your region",
                    "not supported in your region", "region, or territory", "user location is not supported",
                    "cross_region", "has not been used in project", "it is disabled. enable it",
                    "sql access control error", "insufficient privileges", "request signature", "signing in",
                    "gated repo", "gated model", "is restricted", "must have access", "must be authenticated",
                    "not authorized to perform", "access is denied", "token seems invalid", "authorization header",
                ]),
            ErrorRule(
                id: "timeout.message", category: .timeout,
                messageContains: [
                    "timed out", "timeout", "time-out", "time out", "deadline exceeded", "deadline_exceeded",
                    "deadlineexceeded", "connection reset", "connection refused", "connection aborted",
                    "connection error", "connection closed", "connection was lost", "connection lost",
                    "broken pipe", "network is unreachable", "network connection", "internet connection",
                    "name resolution", "name or service not known", "nodename nor servname", "could not resolve host",
                    "getaddrinfo", "dns lookup", "hostname could not be found", "could not connect",
                    "cannot connect to host", "failed to connect", "failed to establish a new connection",
                    "unable to connect", "max retries exceeded with url", "remote end closed connection",
                    "server disconnected", "remotedisconnected", "remoteconnectionclosed", "incompleteread",
                    "incomplete read", "peer closed connection", "eof occurred in violation of protocol",
                    "econnreset", "etimedout", "econnrefused", "enotfound", "eai_again", "socket hang up",
                    "readtimeout", "connecttimeout", "uncleanshutdown", "code=-1001", "code=-1003", "code=-1004",
                    "code=-1005", "code=-1006", "code=-1009",
                ]),
            ErrorRule(
                id: "data_quality.message", category: .dataQuality,
                messageContains: [
                    "vector dimension", "dimension mismatch", "dimensions mismatch", "does not match the dimension",
                    "expected dim", "field dim", "embedding dimension", "dimensionality", "at least 1 dimension",
                    // With the space, so "received 1200 documents" is not an empty retrieval.
                    "not match with schema", "not present in schema", "no documents", " 0 documents", " 0 results",
                    "zero documents", "no nodes", "empty retrieval", "retrieved nothing", "nothing was retrieved",
                    "index is empty", "collection is empty", "at least one input", "empty input", "input is empty",
                    "data quality", "expect_column", "number of dimensions", "invalid dimension", "expected size",
                    "blob size", "vector column", "vector-indexed", "vector query index", "named vector", "vector name",
                    "vector params", "with schema", "dynamic field", "unexpected field", "different schema",
                    "metadata value", "metadata to be", "no relevant docs", "were retrieved", "relevance score threshold",
                    "non-empty list", "non-empty dict", "empty part", "1-dimensional", "page_content",
                    // Loading documents: encodings, damaged or unsupported files, nothing to load, duplicates.
                    "codec can't decode", "can't decode byte", "eof marker not found", "no /root object",
                    "file is not a zip file", "file format not allowed", "not supported in partition", "failed to load document",
                    "no files found", "already exists in index", "duplicate document", "unique constraint failed",
                    "package not found at", "file format", "not a valid pdf", "is this really a pdf",
                ]),
            ErrorRule(
                id: "data_quality.missing", category: .dataQuality, operations: [.retrieval, .embedding, .rerank],
                messageContains: [
                    "not found", "does not exist", "doesn't exist", "does not exists", "no existing", "not present",
                    "no such", "missing",
                ]),
            ErrorRule(
                id: "output_parsing.message", category: .outputParsing,
                messageContains: [
                    "jsondecodeerror", "json decode", "invalid json", "not valid json", "malformed json",
                    "json parsing failed", "could not parse", "failed to parse", "unable to parse",
                    "could not be parsed", "expecting value", "expecting ',' delimiter", "expecting property name",
                    "unterminated string", "in json at position", "unexpected token", "unexpected end of json",
                    "extra data: line", "output parser", "outputparser", "validation error for ",
                    "validation errors for ", "type validation failed", "schema validation", "failed validating",
                    "is a required property", "does not match the schema", "no object generated", "keynotfound(",
                    "typemismatch(", "valuenotfound(", "datacorrupted(", "expected to decode", "empty response",
                    "empty output", "returned an empty", "empty completion",
                ],
                messageExcludes: ["json schema for", "invalid json schema"]),
        ]
    }

    // MARK: 3. The operation

    private static var operationRules: [ErrorRule] {
        [
            ErrorRule(id: "tool.operation", category: .toolFailure, operations: [.tool]),
            ErrorRule(id: "content_filter.operation", category: .contentFilter, operations: [.guardrail]),
            // Provider and request phrases come after the operation: "upstream returned 500" inside a
            // tool is the tool's failure, not the model provider's.
            ErrorRule(
                id: "provider_error.message", category: .providerError,
                messageContains: [
                    "internal server error", "internal error", "server error", "server_error", "server had an error",
                    "service unavailable", "service_unavailable", "serviceunavailable", "currently unavailable",
                    "temporarily unavailable", "isn't currently available", "bad gateway", "upstream connect error",
                    "model stream failed", "modelstreamerrorexception", "error while processing the model",
                    "internalfailure", "internal_failure", "api_error",
                ]),
            // A vector search that failed for no reason named above (auth, limits, network, the
            // provider) failed on the data: the index, its schema, the vectors or the query's filter.
            ErrorRule(
                id: "data_quality.operation", category: .dataQuality, operations: [.retrieval],
                messageExcludes: [" 401", " 403", "unauthor", "forbidden"]),
            ErrorRule(
                id: "invalid_request.message", category: .invalidRequest,
                messageContains: [
                    "invalid_request", "invalid request", "invalid parameter", "invalid_parameter",
                    "invalid argument", "invalid_argument", "invalid value", "invalid_value", "invalid model",
                    "invalid_model", "invalid '", "invalid url", "invalid options", "is invalid", "unknown model",
                    "model_not_found", "model not found", "not found", "does not exist", "unsupported parameter",
                    "unsupported value", "not supported", "doesn't support", "does not support", "isn't supported",
                    "does not work with", "malformed", "must be", "must contain", "must have", "must alternate",
                    "is required", "missing required", "extraneous key", "unrecognized request argument",
                    "unknown parameter", "unexpected keyword argument", "bad request", "input validation error",
                    "invalid schema", "please reformat", "is not specified", "empty text parameter",
                    "could not resolve", "inference profile",
                ]),
        ]
    }

    // MARK: 4. HTTP status

    private static var statusRules: [ErrorRule] {
        [
            ErrorRule(id: "rate_limit.status", category: .rateLimit, statusCodes: [429, 529]),
            ErrorRule(id: "quota.status", category: .quotaExhausted, statusCodes: [402]),
            ErrorRule(id: "authentication.status", category: .authentication, statusCodes: [401, 403, 407]),
            // 522 and 523 are Cloudflare's "connection timed out" and "origin unreachable".
            ErrorRule(id: "timeout.status", category: .timeout, statusCodes: [408, 504, 522, 523, 524, 598, 599]),
            ErrorRule(id: "context_length.status", category: .contextLength, statusCodes: [413]),
            ErrorRule(
                id: "invalid_request.status", category: .invalidRequest,
                statusCodes: [400, 404, 405, 406, 409, 410, 411, 415, 422]),
            // 424 is Bedrock's ModelErrorException and TGI's failed generation: the model failed, not the request.
            ErrorRule(id: "provider_error.status", category: .providerError, statusCodes: [424, 500, 501, 502, 503, 520]),
        ]
    }

    // MARK: 5. Generic identifiers

    private static var genericIdentifiers: [ErrorRule] {
        [
            ErrorRule(
                id: "rate_limit.generic", category: .rateLimit,
                typeEquals: ["RateLimitError", "TooManyRequestsError", "RESOURCE_EXHAUSTED", "ResourceExhausted"],
                codeEquals: ["RESOURCE_EXHAUSTED", "429"]),
            ErrorRule(
                id: "authentication.generic", category: .authentication,
                typeEquals: ["Unauthorized", "UnauthorizedError", "Forbidden", "ForbiddenError"],
                codeEquals: ["Unauthorized", "Forbidden", "401", "403"]),
            ErrorRule(
                id: "timeout.generic", category: .timeout,
                typeEquals: ["URLError", "NSURLErrorDomain", "HTTPClientError", "ChannelError", "NIOSSLError"]),
            ErrorRule(
                id: "provider_error.generic", category: .providerError,
                typeEquals: [
                    "InternalServerError", "ServiceUnavailableError", "ServiceUnavailable", "BadGatewayError",
                    "INTERNAL", "UNAVAILABLE", "server_error", "api_error", "InternalServerException",
                    "ServiceUnavailableException", "InternalFailure", "ModelErrorException", "ModelStreamErrorException",
                    // Text Generation Inference's error_type for failures during generation.
                    "generation",
                ],
                codeEquals: [
                    "INTERNAL", "UNAVAILABLE", "server_error", "api_error", "InternalServerException",
                    "ServiceUnavailableException", "InternalFailure", "ModelErrorException",
                ]),
            ErrorRule(
                id: "invalid_request.generic", category: .invalidRequest,
                typeEquals: [
                    "BadRequestError", "invalid_request_error", "not_found_error", "INVALID_ARGUMENT",
                    "FAILED_PRECONDITION", "NOT_FOUND", "OUT_OF_RANGE", "InvalidArgument", "FailedPrecondition",
                    "NotFound", "NotFoundError", "UnprocessableEntityError", "ConflictError", "ValidationException",
                    "ResourceNotFoundException", "UnsupportedParamsError", "BadRequest",
                    // Text Generation Inference's error_type for rejected inputs.
                    "validation",
                ],
                codeEquals: [
                    "invalid_request_error", "INVALID_ARGUMENT", "FAILED_PRECONDITION", "NOT_FOUND", "OUT_OF_RANGE",
                    "ValidationException", "ResourceNotFoundException", "model_not_found", "DeploymentNotFound",
                    "OperationNotSupported", "invalid_model", "invalid_value", "unsupported_parameter",
                    "unsupported_value", "not_found_error",
                ]),
            ErrorRule(
                id: "output_parsing.generic", category: .outputParsing,
                typeEquals: ["ValidationError", "SchemaError"]),
        ]
    }
}
