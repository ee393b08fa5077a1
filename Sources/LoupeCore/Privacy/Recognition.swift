/// What a recognizer concluded about the text at a candidate position.
enum Recognition {
    /// PII of family `detector` occupies `range`; it is replaced when that detector is enabled and
    /// scanning resumes after it either way.
    case match(PIIDetector, Range<Int>)
    /// A known look-alike (version string, invalid card or IBAN, timestamp…) ends at `end`: it is
    /// left alone, and skipped whole so that no detector finds PII in a fragment of it.
    case lookAlike(end: Int)
}
