/// Finds UUIDs written `8-4-4-4-12` in hex digits of either case.
///
/// Recognised even when the uuid detector is off, so that the scanner can step over a UUID whole
/// instead of mistaking its digit groups for something else.
enum UUIDRecognizer {
    /// The UUID starting at `start`, or nil.
    static func recognize(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        var position = start
        for (groupIndex, length) in [8, 4, 4, 4, 12].enumerated() {
            if groupIndex > 0 {
                guard text[position] == ByteClass.dash else { return nil }
                position += 1
            }
            let groupEnd = position + length
            while position < groupEnd {
                guard ByteClass.isHex(text[position]) else { return nil }
                position += 1
            }
        }
        let next = text[position]
        guard !ByteClass.isAlnum(next), next != ByteClass.underscore, next != ByteClass.at,
            !(next == ByteClass.dash && ByteClass.isAlnum(text[position + 1]))
        else { return nil }
        return start..<position
    }
}
