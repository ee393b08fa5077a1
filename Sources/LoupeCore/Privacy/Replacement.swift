/// One span of the input to be replaced by the placeholder of `detector`.
struct Replacement {
    let detector: PIIDetector
    /// Byte offsets into the input's UTF-8; always on ASCII boundaries, so cutting there never
    /// splits a Unicode scalar.
    let range: Range<Int>
}
