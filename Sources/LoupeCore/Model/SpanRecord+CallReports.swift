extension SpanRecord {
    /// Makes this span no call: it stays in the tree and in span counts, but its tokens and cost do
    /// not count. For a span that only wraps another span of the same call (``ModelCallWrappers``).
    public mutating func stepAsideFromCall() {
        role.remove(.call)
        countsUsage = false
        costUSD = nil
    }

    /// Makes this span a repeated report of a call already stored under the same ``responseId``
    /// (``CallResponseClaim/isSameCall(as:)`` decides).
    ///
    /// Apps that turn on two instrumentations (a framework's and the provider client's) report one
    /// provider call twice, often each as the root of a trace of its own. The report stored second
    /// steps aside: it is no call, and when it is a root (a lone call traced on its own) it is no
    /// request either, because the request it stands for is already counted by its twin.
    public mutating func stepAsideAsRepeatedReport() {
        stepAsideFromCall()
        if parentSpanId == nil { role.remove(.request) }
    }

    /// Makes this span no call because a model span of the same call under it was stored before it
    /// (in an earlier export request, so ``ModelCallWrappers`` did not see the two together). Its
    /// tokens still count when it is the only one of the two that reports them.
    public mutating func stepAsideForStoredChild(childReportsUsage: Bool) {
        if childReportsUsage || !usage.isReported {
            stepAsideFromCall()
        } else {
            role.remove(.call)
        }
    }

    /// The key under which a store remembers a call's response, when the span is a call that has one.
    public var callResponseKey: CallResponseKey? {
        guard role.contains(.call), let responseId else { return nil }
        return CallResponseKey(project: project, responseId: responseId)
    }
}
