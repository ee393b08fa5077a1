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
                    "upstream request failed", "error from provider", "unexpected eof",
                    "error loading model", "failed to load the model", "model is unloaded", "process has terminated",
                    "has errored", "enginedead",
                    "internalfailure", "internal_failure", "api_error",
                ]),
            // A vector search that failed for no reason named above (auth, limits, network, the
            // provider) failed on the data: the index, its schema, the vectors or the query's filter.
            ErrorRule(
                id: "data_quality.operation", category: .dataQuality, operations: [.retrieval],
                // A query the store cannot run, or a call it was not configured for, is the request's.
                messageExcludes: [
                    " 401", " 403", "unauthor", "forbidden", "syntax", "unsupported", "not support", "not allowed",
                    "maximum supported size", "configuration", "invalid", "unknown command", "expected",
                    "cannot exceed",
                    ".env",
                ]),
            ErrorRule(
                id: "invalid_request.message", category: .invalidRequest,
                messageContains: [
                    "invalid_request", "invalid request", "invalid parameter", "invalid_parameter",
                    "invalid argument", "invalid_argument", "invalid value", "invalid_value", "invalid model",
                    "invalid_model", "invalid '", "invalid url", "invalid options", "is invalid", "unknown model",
                    "model_not_found", "model not found", "not found", "does not exist", "unsupported parameter",
                    "unsupported value", "not supported", "doesn't support", "does not support", "isn't supported",
                    "does not work with", "malformed", "must be", "must contain", "must have", "must alternate",
                    "is required", "missing required", "should alternate", "extraneous key",
                    "unrecognized request argument",
                    "unknown parameter", "unexpected keyword argument", "bad request", "input validation error",
                    "invalid schema", "please reformat", "is not specified", "empty text parameter",
                    "could not resolve", "inference profile", "do not support", "is not allowed", "syntax",
                    "batch size", "missing variables", "not installed",
                    "deprecat", "no longer supported", "pip install", "invalid update", "invalid field",
                    "cannot exceed",
                    "unknown command", "unknown type", "unknown assertion", "unrecognized", "please enable",
                    "chat template",
                    "parsing grammar", "could not build", ".env", "already exists",
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
                    "ServiceUnavailableException", "InternalFailure", "ModelErrorException",
                    "ModelStreamErrorException", "ModelError",
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
            // Frameworks' catch-alls for a model that misbehaved: what the message names (a token
            // limit, an empty answer, a failing tool) comes first; otherwise it ignored the prompt.
            ErrorRule(
                id: "prompt.generic", category: .prompt, typeEquals: ["UnexpectedModelBehavior", "AdapterParseError"]),
            ErrorRule(
                id: "output_parsing.generic", category: .outputParsing,
                typeEquals: ["ValidationError", "SchemaError"]),
            // Last: the calling code's own mistake (a wrong argument or configuration, a missing module),
            // which no phrase above explained, is a request to fix. A missing key or attribute is more
            // often a bug of the framework than of the call, and stays unknown.
            ErrorRule(
                id: "invalid_request.programming", category: .invalidRequest,
                typeEquals: [
                    "ValueError", "ImportError", "ModuleNotFoundError", "ArgumentException", "ArgumentError",
                    "IllegalArgumentException", "InvalidUpdateError", "ConfigurationError",
                ]),
        ]
    }
}
