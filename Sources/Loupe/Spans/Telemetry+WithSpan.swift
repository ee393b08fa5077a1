extension Telemetry {
    /// Runs `body` in a span: emits `<event>.start`, then `<event>.stop` with the duration, or
    /// `<event>.exception` if `body` throws (the error is rethrown unchanged).
    ///
    /// Spans started inside `body` are children of this one, through a task-local.
    ///
    /// ```swift
    /// let page = try telemetry.withSpan("shop.render", attributes: ["page": "cart"]) { span in
    ///     span.setAttribute("items", .int(Int64(cart.count)))
    ///     return try renderer.render(cart)
    /// }
    /// ```
    public func withSpan<Result>(
        _ event: EventName, name: String? = nil, kind: SpanKind = .internal,
        attributes: @autoclosure () -> [String: AttributeValue] = [:], _ body: (Span) throws -> Result
    ) rethrows -> Result {
        let span = startSpan(event, name: name, kind: kind, attributes: attributes())
        return try span.run(body)
    }

    /// Runs the asynchronous `body` in a span; see ``withSpan(_:name:kind:attributes:_:)``.
    public func withSpan<Result>(
        _ event: EventName, name: String? = nil, kind: SpanKind = .internal,
        attributes: @autoclosure () -> [String: AttributeValue] = [:],
        isolation: isolated (any Actor)? = #isolation, _ body: (Span) async throws -> Result
    ) async rethrows -> Result {
        let span = startSpan(event, name: name, kind: kind, attributes: attributes())
        return try await span.run(isolation: isolation, body)
    }
}

extension Span {
    /// Runs `body` with this span current, then ends it; non-recording spans just run `body`.
    func run<Result>(_ body: (Span) throws -> Result) rethrows -> Result {
        guard let storage else { return try body(self) }
        do {
            let result = try SpanContext.$active.withValue(storage.context) { try body(self) }
            storage.end(error: nil)
            return result
        } catch {
            storage.end(error: error)
            throw error
        }
    }

    func run<Result>(
        isolation: isolated (any Actor)?, _ body: (Span) async throws -> Result
    ) async rethrows -> Result {
        guard let storage else { return try await body(self) }
        do {
            let result = try await SpanContext.$active.withValue(
                storage.context, operation: { try await body(self) }, isolation: isolation)
            storage.end(error: nil)
            return result
        } catch {
            storage.end(error: error)
            throw error
        }
    }
}
