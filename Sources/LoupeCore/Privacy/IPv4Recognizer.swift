/// Finds dotted-quad IPv4 addresses and tells them from version strings.
///
/// Four decimal octets, each 0–255 without leading zeros. A quad followed by another dotted or
/// dashed group (`1.2.3.4.5`, `1.2.3.4-beta`), or introduced as a version or section number
/// ("version", "section", "upgrade to": see ``VersionContext``), is not an address; one glued to
/// a preceding `v` never reaches here because it does not start a word. Loopback and unspecified
/// addresses are left alone. In a range (`10.0.0.1-10.0.0.255`) both ends are addresses.
enum IPv4Recognizer {
    /// The address (or version-like look-alike) starting at `start`, which the caller has checked
    /// starts a number; nil when there is no dotted quad here.
    static func recognize(_ text: ScanBuffer, at start: Int) -> Recognition? {
        guard let end = dottedQuadEnd(text, at: start) else { return nil }
        let next = text[end]
        // "10.0.0.1-10.0.0.255" is a range of two addresses, not a version suffix.
        if next == ByteClass.dash && dottedQuadEnd(text, at: end + 1) != nil
            && !VersionContext.introducesVersion(text, before: start)
        {
            return .match(.ipv4, start..<end)
        }
        if (next == ByteClass.dot || next == ByteClass.dash) && ByteClass.isAlnum(text[end + 1]) {
            let lookAlikeEnd = text.runEnd(from: end) {
                ByteClass.isAlnum($0) || $0 == ByteClass.dot || $0 == ByteClass.dash
            }
            return .lookAlike(end: lookAlikeEnd)
        }
        guard !ByteClass.isAlnum(next), next != ByteClass.underscore, next != ByteClass.at else { return nil }
        if VersionContext.introducesVersion(text, before: start) || isLocalOnly(text, start) {
            return .lookAlike(end: end)
        }
        return .match(.ipv4, start..<end)
    }

    /// The end of four dot-separated octets starting at `start`, or nil.
    static func dottedQuadEnd(_ text: ScanBuffer, at start: Int) -> Int? {
        var position = start
        for octet in 0..<4 {
            if octet > 0 {
                guard text[position] == ByteClass.dot else { return nil }
                position += 1
            }
            let digitsStart = position
            var value = 0
            while ByteClass.isDigit(text[position]) && position - digitsStart < 4 {
                value = value * 10 + Int(text[position] &- 0x30)
                position += 1
            }
            let length = position - digitsStart
            guard length >= 1, length <= 3, value <= 255,
                length == 1 || text[digitsStart] != 0x30
            else { return nil }
        }
        return position
    }

    /// Loopback (`127.x.x.x`) and unspecified (`0.0.0.0`) addresses identify no one and are kept
    /// for debugging ("connection refused on 127.0.0.1:5432").
    private static func isLocalOnly(_ text: ScanBuffer, _ start: Int) -> Bool {
        text.matches("127.", at: start) || text.matches("0.0.0.0", at: start)
    }
}
