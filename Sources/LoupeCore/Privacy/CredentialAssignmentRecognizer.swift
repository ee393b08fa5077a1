/// Finds the value assigned to a credential-named key: `DB_PASSWORD=hunter2!`,
/// `"client_secret": "…"`, `api_key: 0123abcd…`, `clientSecret=…`, `?token=…`.
///
/// This is what catches secrets with no recognisable shape of their own: passwords, and the
/// hex-only API keys the high-entropy rule deliberately leaves alone. It runs at `=` and `:`,
/// looks back for the key and forward for the value, and only the value is replaced.
///
/// The key must end in one of these names at a word, `_`/`-`/`.` or camel-case boundary:
/// `password`, `passwd`, `secret`, `secret_key`, `api_key`, `apikey`, `private_key`,
/// `…_token`/`…Token`; a bare `token` and `…signature` count only as URL query parameters
/// (`?token=`, `&X-Amz-Signature=`), being counts and code elsewhere.
///
/// Because prompts are full of code, the value is held to the shapes of configuration files:
///
/// - quoted (`"…"`, `'…'`): 6–128 characters without spaces, with a digit or a symbol other than
///   `_ . -`, the separator not itself inside a string (`"Signature=" in url`);
/// - unquoted (env, YAML, query strings): 6–128 characters with a digit, not an identifier with
///   `_` or `.` (`zpk2sos_signature`, `self.secret1`: variables).
///
/// Neither may be a template, a call, a subscript, a wildcard or a mask (`${DB_PASSWORD}`,
/// `{{ .Values.token }}`, `<secret>`, `quote(parts.password)`, `auth[1]`, `****`). Letters-only
/// passwords (`CorrectHorseBatteryStaple`) are given up: they look exactly like identifiers.
enum CredentialAssignmentRecognizer {
    static let minValueLength = 6
    static let maxValueLength = 128

    /// The value assigned at the `=` or `:` at `index`, or nil.
    static func recognize(_ text: ScanBuffer, at index: Int) -> Range<Int>? {
        guard let key = credentialKey(text, before: index) else { return nil }
        var position = text.runEnd(from: index + 1, limit: 3, while: ByteClass.isBlank)
        let quote = text[position]
        let isQuoted = quote == ByteClass.quote || quote == ByteClass.apostrophe
        if isQuoted {
            // `"Signature=" in url`: an opening quote before the key that is not closed before the
            // separator means the separator is inside a string, and this quote closes it.
            guard !key.separatorIsInsideString else { return nil }
            position += 1
        }
        let valueStart = position
        let valueEnd = text.runEnd(from: valueStart, limit: maxValueLength + 1) { b in
            isQuoted ? b != quote && b > ByteClass.space : !endsUnquotedValue(b)
        }
        let length = valueEnd - valueStart
        guard length >= minValueLength, length <= maxValueLength, !isQuoted || text[valueEnd] == quote else {
            return nil
        }
        let value = valueStart..<valueEnd
        return looksLikeCredential(text, value, isQuoted: isQuoted) ? value : nil
    }

    private struct Key {
        var separatorIsInsideString: Bool
    }

    /// The credential-named key before the separator at `index` (across a closing quote and
    /// blanks), or nil.
    private static func credentialKey(_ text: ScanBuffer, before index: Int) -> Key? {
        var end = index
        while index - end < 2 && ByteClass.isBlank(text[end - 1]) { end -= 1 }
        let closingQuote = text[end - 1] == ByteClass.quote || text[end - 1] == ByteClass.apostrophe
        if closingQuote { end -= 1 }
        var start = end
        while end - start < 64 && isKeyCharacter(text[start - 1]) { start -= 1 }
        // "arn:aws:secretsmanager:…:secret:name" is a path of colon-separated fields, not a key.
        let before = text[start - 1]
        guard start < end, before != ByteClass.colon else { return nil }
        let isQueryParameter =
            text[index] == ByteClass.equals && end == index && (before == 0x3F || before == 0x26)  // ? &
        let openingQuote = before == ByteClass.quote || before == ByteClass.apostrophe
        let key = Key(separatorIsInsideString: openingQuote && !closingQuote)

        let suffixes: [StaticString] = [
            "password", "passwd", "secret", "secret_key", "secretkey", "api_key", "apikey", "api-key",
            "private_key", "privatekey", "token", "signature",
        ]
        for suffix in suffixes {
            let length = suffix.utf8CodeUnitCount
            let suffixStart = end - length
            guard suffixStart >= start, text.matchesIgnoringCase(suffix, at: suffixStart) else { continue }
            let isBareToken = length == 5 && suffixStart == start
            let isSignature = length == 9
            if (isBareToken || isSignature) && !isQueryParameter { continue }
            let previous = text[suffixStart - 1]
            let atBoundary =
                suffixStart == start || previous == ByteClass.underscore || previous == ByteClass.dash
                || previous == ByteClass.dot || (ByteClass.isUpper(text[suffixStart]) && ByteClass.isLower(previous))
            if atBoundary { return key }
        }
        return nil
    }

    /// The value tests of the type comment: a digit (or, quoted, a symbol); no template, call,
    /// subscript, wildcard or mask; unquoted, not an identifier.
    private static func looksLikeCredential(_ text: ScanBuffer, _ range: Range<Int>, isQuoted: Bool) -> Bool {
        var hasDigit = false
        var hasSymbol = false
        var hasIdentifierPunctuation = false
        for index in range {
            let b = text[index]
            switch b {
            case 0x24, 0x7B, 0x3C, 0x25, 0x28, 0x5B, 0x2A:  // $ { < % ( [ *
                return false
            case 0x30...0x39: hasDigit = true
            case 0x41...0x5A, 0x61...0x7A, ByteClass.dash: break
            case ByteClass.underscore, ByteClass.dot: hasIdentifierPunctuation = true
            default: hasSymbol = true
            }
        }
        if isQuoted { return hasDigit || hasSymbol }
        let isIdentifier = ByteClass.isLetter(text[range.lowerBound]) && !hasSymbol && hasIdentifierPunctuation
        return hasDigit && !isIdentifier
    }

    @inline(__always) private static func isKeyCharacter(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == ByteClass.underscore || b == ByteClass.dash || b == ByteClass.dot
    }

    /// Where an unquoted value stops: whitespace, quotes, and the separators of query strings,
    /// cookies, argument lists and JSON.
    @inline(__always) private static func endsUnquotedValue(_ b: UInt8) -> Bool {
        b <= ByteClass.space || b == ByteClass.quote || b == ByteClass.apostrophe || b == ByteClass.comma
            || b == 0x3B || b == 0x26 || b == ByteClass.closeParen || b == 0x5D || b == 0x7D  // ; & ) ] }
    }
}
