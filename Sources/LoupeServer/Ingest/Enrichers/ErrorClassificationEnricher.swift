import LoupeCore

/// Gives every failed span its error category and a fingerprint that groups one failure mode.
public struct ErrorClassificationEnricher: SpanEnricher {
    public let classifier: ErrorClassifier

    public init(classifier: ErrorClassifier = ErrorClassifier()) {
        self.classifier = classifier
    }

    public func enrich(_ span: inout SpanRecord) {
        guard span.isError else { return }
        let classification = classifier.classify(ErrorSignal(span: span))
        span.errorCategory = classification.category.rawValue
        span.errorFingerprint = classification.fingerprint
    }
}
