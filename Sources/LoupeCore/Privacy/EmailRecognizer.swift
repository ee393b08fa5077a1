/// Finds e-mail addresses around an `@`.
///
/// The scanner reaches the `@` after walking past the local part, so this looks backwards for
/// the local part (at most 64 bytes of dot-atom characters, apostrophes as in `o'brien`, and
/// letters of any script) and forwards for a dotted domain whose last label is alphabetic.
/// `user@localhost`, `@mentions`, `@MainActor` and retina asset names such as `icon@2x.png` are
/// not addresses, and neither are URL authorities (`https://user@host`) or SSH remotes
/// (`git@github.com:org/repo.git`); quotes, brackets and emoji around an address stay outside the
/// match.
enum EmailRecognizer {
    static let maxLocalLength = 64
    static let maxDomainLength = 253

    /// The address around the `@` at `at`, never starting before `floor` (the end of the previous
    /// match); for `scheme://user:password@host` the password, as a secret; otherwise nil.
    static func recognize(_ text: ScanBuffer, at: Int, floor: Int) -> Recognition? {
        let lowest = max(floor, at - maxLocalLength)
        var start = at
        while start > lowest {
            let b = text[start - 1]
            if b < 0x80 {
                guard isLocalCharacter(b) else { break }
                start -= 1
            } else {
                let length = letterLength(text, endingAt: start)
                guard length > 0, start - length >= lowest else { break }
                start -= length
            }
        }
        // A local part longer than allowed is some other token (a URL, a blob), not an address.
        if start == at - maxLocalLength && start > floor && isLocalCharacter(text[start - 1]) {
            return nil
        }
        while start < at && (text[start] == ByteClass.dot || text[start] == ByteClass.apostrophe) {
            start += 1
        }
        guard start < at, text[at - 1] != ByteClass.dot else { return nil }
        if text[start - 1] == ByteClass.slash && text[start - 2] == ByteClass.slash {
            // "https://user@host": a URL's user name, not a mailbox.
            return nil
        } else if text[start - 1] == ByteClass.colon {
            // "postgres://user:password@localhost:5432": the password is a secret, whatever the
            // host looks like. ("mailto:jane@…" has no "//" before its colon.)
            var userStart = start - 1
            while userStart > floor && isUserCharacter(text[userStart - 1]) { userStart -= 1 }
            if text[userStart - 1] == ByteClass.slash && text[userStart - 2] == ByteClass.slash {
                return .match(.secret, start..<at)
            }
        } else if at - start == 3 && text.matches("git", at: start) {
            // "git@github.com:org/repo.git" is an SSH remote.
            return nil
        }

        var position = at + 1
        var labels = 0
        var lastLabel = position..<position
        while position - at <= maxDomainLength {
            let labelStart = position
            position = labelEnd(text, from: position)
            guard position > labelStart,
                text[labelStart] != ByteClass.dash, text[position - 1] != ByteClass.dash
            else { return nil }
            labels += 1
            lastLabel = labelStart..<position
            if labels == 1 && isRetinaSuffix(text, labelStart..<position) { return nil }
            // A dot continues the domain only when a label follows; otherwise it ends the sentence.
            let afterDot = text[position + 1]
            guard text[position] == ByteClass.dot, ByteClass.isAlnum(afterDot) || afterDot >= 0x80 else { break }
            position += 1
        }
        guard labels >= 2, lastLabel.count >= 2 else { return nil }
        // Non-ASCII bytes in a label always belong to letters (see labelEnd).
        for index in lastLabel where !(ByteClass.isLetter(text[index]) || text[index] >= 0x80) {
            return nil
        }
        let next = text[position]
        guard next != ByteClass.at, next != ByteClass.underscore else { return nil }
        return .match(.email, start..<position)
    }

    /// Characters of the user name in a URL's userinfo.
    @inline(__always) private static func isUserCharacter(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == ByteClass.dot || b == ByteClass.underscore || b == ByteClass.dash
            || b == ByteClass.tilde || b == ByteClass.percent
    }

    @inline(__always) static func isLocalCharacter(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == ByteClass.dot || b == ByteClass.underscore || b == ByteClass.dash
            || b == ByteClass.plus || b == ByteClass.percent || b == ByteClass.apostrophe
    }

    /// The end of the domain label starting at `start`: ASCII letters, digits and dashes, and
    /// letters of other scripts (internationalised domain names).
    private static func labelEnd(_ text: ScanBuffer, from start: Int) -> Int {
        var position = start
        while true {
            let b = text[position]
            if ByteClass.isAlnum(b) || b == ByteClass.dash {
                position += 1
            } else if b >= 0x80 {
                let length = letterLength(text, startingAt: position)
                guard length > 0 else { return position }
                position += length
            } else {
                return position
            }
        }
    }

    /// `2x`, `3x`: the scale suffix of image assets (`logo@2x.png`).
    private static func isRetinaSuffix(_ text: ScanBuffer, _ label: Range<Int>) -> Bool {
        label.count >= 2 && label.count <= 3 && ByteClass.lower(text[label.upperBound - 1]) == 0x78  // x
            && (label.lowerBound..<(label.upperBound - 1)).allSatisfy { ByteClass.isDigit(text[$0]) }
    }

    // MARK: - Non-ASCII letters

    /// The byte length of the UTF-8 encoded letter (or combining mark) that ends right before
    /// `end`, or 0 when the scalar there is not one (an emoji, a symbol, punctuation).
    private static func letterLength(_ text: ScanBuffer, endingAt end: Int) -> Int {
        var start = end - 1
        while end - start < 4 && text[start] & 0xC0 == 0x80 {
            start -= 1
        }
        return letterLength(text, startingAt: start) == end - start ? end - start : 0
    }

    /// The byte length of the UTF-8 encoded letter (or combining mark) starting at `start`, or 0.
    private static func letterLength(_ text: ScanBuffer, startingAt start: Int) -> Int {
        let lead = text[start]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0...0xF4:
            length = 4
            value = UInt32(lead & 0x07)
        default:
            return 0
        }
        for offset in 1..<length {
            let b = text[start + offset]
            guard b & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark ? length : 0
    }
}
