/// Recognises the words that introduce a version or section number, so that `1.2.3.4` after
/// them is not taken for an IPv4 address.
///
/// Four-part numbers are common in release notes and specifications ("Git 1.8.1.5", "section
/// 4.2.2.13", "patch V8 to 10.2.154.26", "fixed in 1.5.4.1", "OID 1.3.101.111"); addresses are
/// introduced by other words ("from", "to", "host"), so a short list of nouns, and of verbs
/// before "to"/"in"/"from", settles most cases.
enum VersionContext {
    /// Whether the words right before `start` introduce a version or section number.
    static func introducesVersion(_ text: ScanBuffer, before start: Int) -> Bool {
        // Local rather than static: the lists are only read for the rare dotted quad.
        let nouns: [StaticString] = [
            "version", "versions", "ver", "release", "released", "build", "section", "sections", "chapter",
            "clause", "oid", "git", "v8", "kernel", "firmware",
        ]
        let prepositions: [StaticString] = ["to", "in", "from"]
        let verbs: [StaticString] = [
            "upgrade", "upgraded", "upgrades", "update", "updated", "updates", "bump", "bumped", "bumps",
            "downgrade", "downgraded", "patch", "patched", "fixed", "introduced", "added", "removed", "deprecated",
            "changed", "merged", "broken", "backported", "notes", "v8",
        ]
        guard let last = word(text, endingBefore: start) else { return false }
        if isOne(of: nouns, text, last) { return true }
        guard isOne(of: prepositions, text, last), let previous = word(text, endingBefore: last.lowerBound) else {
            return false
        }
        return isOne(of: verbs, text, previous)
    }

    /// The word of letters and digits that ends before `end`, across one to three blanks, colons,
    /// parentheses, quotes or asterisks (`**v8**: upgrade to`, `VERSION: '0.12.0.0'`); nil when
    /// there is none.
    private static func word(_ text: ScanBuffer, endingBefore end: Int) -> Range<Int>? {
        var position = end
        while end - position < 3 {
            let b = text[position - 1]
            let isSkippable =
                ByteClass.isBlank(b) || b == ByteClass.colon || b == ByteClass.openParen || b == 0x2A  // *
                || b == ByteClass.quote || b == ByteClass.apostrophe || b == 0x60  // `
            guard isSkippable else { break }
            position -= 1
        }
        guard position < end else { return nil }
        let wordEnd = position
        while wordEnd - position < 12 && ByteClass.isAlnum(text[position - 1]) {
            position -= 1
        }
        return position < wordEnd ? position..<wordEnd : nil
    }

    private static func isOne(of words: [StaticString], _ text: ScanBuffer, _ range: Range<Int>) -> Bool {
        words.contains { $0.utf8CodeUnitCount == range.count && text.matchesIgnoringCase($0, at: range.lowerBound) }
    }
}
