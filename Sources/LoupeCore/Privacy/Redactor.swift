/// Replaces personal data and secrets in free text (prompts, completions, tool arguments) with
/// typed placeholders such as `[EMAIL]` before it is stored.
///
/// ```swift
/// let redactor = Redactor()
/// let result = redactor.redact("Mail jane@example.com, key sk-proj-…")
/// result.text            // "Mail [EMAIL], key [SECRET]"
/// result.counts[.email]  // 1
/// ```
///
/// A redactor is a plain value: build one per configuration and share it freely across tasks.
/// It makes one pass over the UTF-8 bytes with no regular expressions, and when nothing is found
/// it returns the input string itself, without copying it.
public struct Redactor: Sendable {
    /// The detectors this redactor applies.
    public let configuration: RedactionConfiguration
    private let enabledBits: UInt16

    /// - Parameter configuration: which detectors to apply; ``RedactionConfiguration/default``
    ///   applies all but UUIDs.
    public init(configuration: RedactionConfiguration = .default) {
        self.configuration = configuration
        enabledBits = configuration.enabled.reduce(0) { $0 | $1.bit }
    }

    /// Returns `text` with every match of an enabled detector replaced by its placeholder, and how
    /// many matches each detector replaced.
    public func redact(_ text: String) -> RedactionResult {
        guard enabledBits != 0, !text.isEmpty else { return RedactionResult(text: text, counts: [:]) }
        if let result = text.utf8.withContiguousStorageIfAvailable({ redact(text, bytes: $0) }) {
            return result
        }
        // Bridged or otherwise non-contiguous strings: one copy of the bytes.
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { redact(text, bytes: $0) }
    }

    private func redact(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> RedactionResult {
        var scanner = PIIScanner(ScanBuffer(bytes), enabled: enabledBits)
        scanner.scan()
        let replacements = scanner.replacements
        guard !replacements.isEmpty else { return RedactionResult(text: text, counts: [:]) }

        var counts: [PIIDetector: Int] = [:]
        var length = bytes.count
        for replacement in replacements {
            counts[replacement.detector, default: 0] += 1
            length += replacement.detector.placeholder.utf8.count - replacement.range.count
        }
        let redacted = String(unsafeUninitializedCapacity: length) { output in
            var written = 0
            var copied = 0
            func copy(_ range: Range<Int>) {
                let destination = UnsafeMutableBufferPointer(rebasing: output[written..<(written + range.count)])
                _ = destination.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                written += range.count
            }
            for replacement in replacements {
                copy(copied..<replacement.range.lowerBound)
                for b in replacement.detector.placeholder.utf8 {
                    output[written] = b
                    written += 1
                }
                copied = replacement.range.upperBound
            }
            copy(copied..<bytes.count)
            return written
        }
        return RedactionResult(text: redacted, counts: counts)
    }
}
