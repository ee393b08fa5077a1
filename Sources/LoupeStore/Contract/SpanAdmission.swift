import LoupeCore

/// Decides, span by span, what a batch stores: spans already stored are duplicates, and a call
/// already stored under another span (its own model span, or the same response reported twice)
/// steps aside, by the rules every store shares (``SpanRecord/stepAsideForStoredChild(childReportsUsage:)``,
/// ``SpanRecord/stepAsideAsRepeatedReport()``).
///
/// A store starts it from what it holds of the batch's traces and response ids, and admits the
/// batch's spans in order: one span of a batch is judged against those before it too.
public struct SpanAdmission: Sendable {
    /// What admission needs to know of a stored span.
    public struct Stored: Sendable {
        public var parentSpanId: String?
        public var operation: String
        public var isCall: Bool
        public var reportsUsage: Bool

        public init(parentSpanId: String?, operation: String, isCall: Bool, reportsUsage: Bool) {
            self.parentSpanId = parentSpanId
            self.operation = operation
            self.isCall = isCall
            self.reportsUsage = reportsUsage
        }

        public init(_ span: SpanRecord) {
            self.init(
                parentSpanId: span.parentSpanId, operation: span.operation.rawValue, isCall: span.role.contains(.call),
                reportsUsage: span.usage.isReported
            )
        }
    }

    private var stored: [String: [String: Stored]]
    /// The calls holding each response id: those stored, then those admitted.
    public private(set) var claims: [CallResponseKey: [CallResponseClaim]]

    /// - Parameters:
    ///   - stored: the stored spans of the batch's traces, by trace id and span id.
    ///   - claims: the stored calls holding the batch's response ids.
    public init(stored: [String: [String: Stored]], claims: [CallResponseKey: [CallResponseClaim]]) {
        self.stored = stored
        self.claims = claims
    }

    /// Whether `span` is stored, after it stepped aside where it must.
    public mutating func admit(_ span: inout SpanRecord, outcome: inout WriteOutcome) -> Bool {
        if stored[span.traceId]?[span.spanId] != nil {
            outcome.duplicates += 1
            return false
        }
        if span.role.contains(.call),
            let child = stored[span.traceId]?.values.first(where: {
                $0.parentSpanId == span.spanId && $0.operation == span.operation.rawValue && $0.isCall
            })
        {
            span.stepAsideForStoredChild(childReportsUsage: child.reportsUsage)
            outcome.repeatedCalls += 1
        }
        if let key = span.callResponseKey {
            let claim = CallResponseClaim(span)
            if claims[key]?.contains(where: { $0.isSameCall(as: claim) }) == true {
                span.stepAsideAsRepeatedReport()
                outcome.repeatedCalls += 1
            } else {
                claims[key, default: []].append(claim)
            }
        }
        stored[span.traceId, default: [:]][span.spanId] = Stored(span)
        outcome.inserted += 1
        return true
    }
}
