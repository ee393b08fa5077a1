/// Finds IBANs, compact (`DE89370400440532013000`) or printed in groups of four
/// (`GB82 WEST 1234 5698 7654 32`).
///
/// The country code fixes the length, so the candidate is read to exactly that many characters;
/// then the mod-97 checksum decides. A well-formed IBAN with a wrong checksum, or one cut short or
/// overlong, is a look-alike and is skipped whole, so its digit groups are not re-read as phone or
/// card numbers.
enum IBANRecognizer {
    static let maxLength = 34
    /// Characters after which a malformed candidate is still clearly a damaged IBAN.
    static let minDamagedLength = 12

    /// The IBAN starting at `start` (two upper-case letters then two digits), or nil.
    static func recognize(_ text: ScanBuffer, at start: Int) -> Recognition? {
        let first = text[start]
        let second = text[start + 1]
        guard ByteClass.isUpper(first), ByteClass.isUpper(second),
            ByteClass.isDigit(text[start + 2]), ByteClass.isDigit(text[start + 3]),
            let length = IBANRegistry.length(country: first, second)
        else { return nil }

        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { characters -> Recognition? in
            var count = 0
            var position = start
            // nil until the first group boundary shows whether the IBAN is printed with spaces.
            var spaced: Bool? = nil
            while count < length {
                if count > 0 && count % 4 == 0 {
                    if spaced == nil { spaced = text[position] == ByteClass.space }
                    if spaced == true {
                        guard text[position] == ByteClass.space else { return truncated(count, position) }
                        position += 1
                    }
                }
                let b = text[position]
                guard ByteClass.isUpper(b) || ByteClass.isDigit(b) else { return truncated(count, position) }
                characters[count] = b
                count += 1
                position += 1
            }
            let next = text[position]
            guard !ByteClass.isAlnum(next), next != ByteClass.underscore, next != ByteClass.at else {
                return truncated(count, position)
            }
            let valid = IBANChecksum.isValid(UnsafeBufferPointer(rebasing: characters[0..<count]))
            return valid ? .match(.iban, start..<position) : .lookAlike(end: position)
        }
    }

    /// A candidate that broke off (too short, too long, a stray character): once it has a dozen
    /// characters it is a mistyped or truncated IBAN, and its digit groups are not phone numbers.
    private static func truncated(_ count: Int, _ position: Int) -> Recognition? {
        count >= minDamagedLength ? .lookAlike(end: position) : nil
    }
}
