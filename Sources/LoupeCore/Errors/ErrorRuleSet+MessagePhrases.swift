/// Built-in rules, second in precedence: message phrases, most specific category first. See
/// ``ErrorRuleSet/builtInRules`` for the whole order.
extension ErrorRuleSet {
    // MARK: 2. Message phrases

    /// A tool, function or action named, then said not to be there.
    static let missingToolPattern: String = #"\b(tool|function|action)s? [`'"]?[\w.\-]+(\([^)]*\))?[`'"]? (is )?"#
        + #"(not found|does not exist|doesn't exist|don't exist|is not available|not available|not registered|is not defined)"#

    static var messagePhrases: [ErrorRule] {
        [
            // First: a loop or a tool names the failure better than the error it ended on ("tool X
            // failed: connection reset" is the tool's failure; "recursion limit reached" is the prompt's).
            ErrorRule(
                id: "prompt.message", category: .prompt,
                messageContains: [
                    "could not parse llm output", "parse-able action", "parseable action",
                    "expected markdown code snippet",
                    "invalid format", "did not follow", "failed to parse the lm response",
                    "did not return structured output",
                    "max turns", "max steps", "maximum steps", "max iterations", "maximum iterations",
                    "iteration limit",
                    "agent stopped due to", "request_limit", "exceeded maximum retries", "for output validation",
                    // Loops: an agent that ran out of iterations, turns, messages or calls.
                    "maximum iteration", "recursion limit", "step limit", "maximum number of messages",
                    "maximum number of turns", "max number of", "calls limit", "need more steps",
                    "token usage limit reached",
                    "sequential tool executions", "you can't keep going", "stop using this action input",
                    "reusing the same input",
                    // Format: the model did not answer in the shape the prompt asked for.
                    "did not conform", "not formatted correctly", "invalid or incomplete response",
                    "did not use a tool",
                    "plain text responses are not permitted", "must always include", "does not contain any json blob",
                    "error in code parsing", "failed validation:", "failed to resolve the next speaker",
                    "missing 'command'", "edit format", "did not use any tool", "multiple tool calls",
                    "exactly one action",
                    "no actions or finish", "no action in", "final answer not found", "could not be parsed properly",
                    "unable to parse agent output", "produced invalid content", "modifying your prompt",
                    "unable to select next agent", "setting it to empty json", "format errors", "format/",
                    "reflections allowed", "maximum agent steps", "agent steps", "total attempts:",
                    "number of iterations", "thought-action", "could not extract tool use", "call iterations",
                    "maxsteps",
                    "missing a tool call",
                    "perform action and give a final answer", "schema echo", "declined to respond",
                    "declined to answer",
                ]),
            // An agent going round in circles (but not asyncio's event loop).
            ErrorRule(
                id: "prompt.loop", category: .prompt,
                messageContains: [
                    "stuck in a loop", "loop was detected", "loop detected", "looks like a loop", "in a loop",
                    "without progress", "agent stalled", "has stalled", "duplicate responses", "repeated tool calls",
                    "repetitive tool calls",
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
                    "tool input", "action input is not a valid", "unknown function",
                    "function call request for a function",
                    "not found in the tools", "tools_dict", "no toolcallback", "error parsing tool call",
                    "malformed function call", "malformed_function_call", "without value for required parameter",
                    "string to replace not found", "unable to find insert_after", "error executing task with agent",
                    "not a tool named", "tool parameter", "tool config", "extracting tool call", "tool_call requires",
                    "function could not be found", "failed to find expected lines", "block failed to match",
                    "apply_patch",
                    "code execution failed", "interpretererror", "authorized imports", "not found in the agent tree",
                    "was not executed", "outside allowed director",
                    "is not a valid tool", "requested tool", "available tools", "only available actions",
                    "no executor registered", "tool call execution", "generating tool call", "calling function",
                    "required positional argument", "missing argument for function", "please fix your mistakes",
                ],
                // A tool call that timed out is a timeout, which a retry may cure.
                messageExcludes: ["timed out", "timeout"]),
            // The agent named a tool, function or action that is not there: "Tool 'x' not found",
            // "Function x not found", "Action 'x' don't exist", "Tool x is not available".
            ErrorRule(
                id: "tool.missing", category: .toolFailure, messageExcludes: ["region"],
                pattern: missingToolPattern),
            ErrorRule(
                id: "quota.message", category: .quotaExhausted,
                messageContains: [
                    "insufficient_quota", "insufficient quota", "exceeded your current quota", "billing",
                    "credit balance", "purchase credits", "more credits", "included credits", "out of credits",
                    "credits exhausted", "insufficient balance", "insufficient funds", "payment required",
                    "spend limit", "spending limit", "hard limit", "api usage limits", "exceeds the service quota",
                    "arrearage", "account is in good standing", "over budget", "exceededbudget", "overdue", "欠费",
                    "余额不足", "free allocation", "usage limit reached", "used up your",
                    "quota has been exhausted", "budget exceeded", "exceeded your budget",
                ],
                // OpenAI's per-minute limits end by pointing at the billing page.
                messageExcludes: ["rate limit reached", "requests per min", "tokens per min"]),
            ErrorRule(
                id: "resource.message", category: .resourceExhausted,
                messageContains: [
                    "out of memory", "outofmemory", "oomkilled", "oom-kill", "oom when allocating",
                    "no space left on device", "disk quota exceeded", "disk full", "unable to allocate",
                    "cannot allocate memory", "failed to allocate", "not enough memory", "insufficient memory",
                    "memory exhausted", "more system memory", "exceeded its memory", "memory limit", "kv cache",
                    "cache blocks", "gpu_memory_utilization", "disk space", "signal: killed", "killed by the oom",
                    "resource limitation",
                    "memory quota", "not enough space", "disk usage", "not enough resources",
                    "insufficient system resources",
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
                    "unsafe content", "harmful content", "toxic", "is blocked", "violate our polic",
                    "violates our polic",
                    "policy violation", "data_inspection_failed", "不安全", "敏感", "blocked or filtered",
                    "unsafe_generation",
                    "sensitive word", "sensitive content", "safety guidelines", "_sensitive", "nsfw",
                    "content exists risk",
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
                    "context size", "model token limit", "tokens, which is more than", "too many tokens",
                    "must have less than", "increase the max_tokens", "increase max_tokens",
                    "longer than the maximum", "maximum model length", "maximum sequence length", "max_seq_len",
                    "too large to process", "input is too large", "tokens long", "range of input length",
                    "tokens per submitted batch", "too_many_tokens",
                ],
                // A per-minute token limit is a rate limit, however the provider words it.
                messageExcludes: ["per minute", "tokens per min"]),
            ErrorRule(
                id: "rate_limit.message", category: .rateLimit,
                messageContains: [
                    "rate limit", "rate_limit", "ratelimit", "rate-limit", "too many requests", "throttl",
                    "overloaded", "over capacity", "at capacity", "model capacity", "insufficient capacity",
                    "capacity constraints", "high demand", "quota exceeded", "exceeded quota", "exceeded the quota",
                    "resource has been exhausted", "resource_exhausted", "please wait before trying again",
                    "currently loading", "not ready to serve", "requests per min", "tokens per min", "per minute",
                    "per_minute", "slow down", "reduce the frequency", "too many concurrent", "concurrency limit",
                    "server is busy", "servers are busy", "is busy",
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
                    "have access to this model", "not authorized to perform", "access is denied",
                    "token seems invalid", "authorization header",
                    "bearer",
                    "unauthenticated", "must be verified", "not have access to the",
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
                    "code=-1005", "code=-1006", "code=-1009", "fetcherror", "超时", "dial tcp", "stream stalled",
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
                    "metadata value", "metadata to be", "no relevant docs", "were retrieved",
                    "relevance score threshold",
                    "non-empty list", "non-empty dict", "empty part", "1-dimensional", "page_content",
                    // Loading documents: encodings, damaged or unsupported files, nothing to load, duplicates.
                    "codec can't decode", "can't decode byte", "eof marker not found", "no /root object",
                    "file is not a zip file", "file format not allowed", "not supported in partition",
                    "failed to load document",
                    "no files found", "already exists in index", "duplicate document", "unique constraint failed",
                    "package not found at", "file format", "not a valid pdf", "is this really a pdf",
                    "must not be empty", "cannot be empty", "can not be empty", "no content",
                    "seems to be corrupt", "is corrupt", " dimensions, got", " dimensions, not", "schema dim",
                    "collectionnotexist", "cannot identify image", "page count", "couldn't open file",
                    "failed to fetch image",
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
                    "empty output", "returned an empty", "empty completion", "extract json",
                    "structured output failed", "failed to generate json", "parsing json", "parse error",
                    "missing structured result", "invalid output type",
                ],
                messageExcludes: ["json schema for", "invalid json schema"]),
        ]
    }
}
