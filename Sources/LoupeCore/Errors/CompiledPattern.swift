import Foundation

/// A user rule's regular expression, compiled once.
///
/// A class so the compiled expression is shared, not copied, with every copy of the classifier;
/// `@unchecked Sendable` because `NSRegularExpression` is immutable and documented as safe to use
/// from several threads, though not every platform's Foundation marks it `Sendable`.
final class CompiledPattern: @unchecked Sendable {
    /// Nil when the pattern does not compile. Rules loaded through ``ErrorRuleSet`` are checked
    /// up front; rules passed to the classifier directly just never match on such a pattern.
    private let expression: NSRegularExpression?

    init(_ pattern: String) {
        expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    func matches(_ text: String) -> Bool {
        guard let expression else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
