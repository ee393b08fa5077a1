/// Finds API keys, access tokens and other credentials.
///
/// Known formats are recognised by their prefix and body shape:
///
/// - OpenAI and Anthropic: `sk-…`, `sk-proj-…`, `sk-ant-api03-…`, then at least 20 characters
///   with a letter, a digit and a 16-character stretch without dashes.
/// - Stripe: `sk_live_`, `sk_test_`, `rk_live_`, `rk_test_` and at least 16 more.
/// - AWS: access key ids `AKIA`/`ASIA` and 16 upper-case letters or digits; secret keys as the
///   40-character value after `aws_secret_access_key` and `=` or `:`.
/// - GitHub: `ghp_`, `gho_`, `ghs_`, `ghu_`, `ghr_` and at least 30; `github_pat_` and 40.
/// - GitLab, Hugging Face, npm: `glpat-` and 20; `hf_` and 30; `npm_` and 36.
/// - Slack: `xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxe-` and 10 with a digit.
/// - Google: `AIza` and 35.
/// - JWT: `eyJ…` `.` `eyJ…` `.` signature.
/// - HTTP: the credential after `Bearer` (16 or more characters, letters and digits).
/// - PEM: whole `-----BEGIN … PRIVATE KEY-----` blocks.
/// - URLs: the password in `scheme://user:password@host` (see ``EmailRecognizer``).
/// - Assignments: the value of `password=`, `"api_key": "…"` and the like (see
///   ``CredentialAssignmentRecognizer``).
///
/// Anything else must look random to count: see ``recognizeHighEntropy(_:at:)``.
enum SecretRecognizer {
    /// A cheap filter run on every word before ``recognizeKnown(_:at:)``: whether its first two
    /// bytes could begin any known prefix or keyword. Most English words fail it.
    @inline(__always) static func mayStartKnown(_ first: UInt8, _ second: UInt8) -> Bool {
        switch first {
        case 0x73, 0x72: return second == 0x6B  // sk, rk
        case 0x41:  // AK AS AI AW Aw
            return second == 0x4B || second == 0x53 || second == 0x49 || second == 0x57 || second == 0x77
        case 0x61: return second == 0x77  // aw
        case 0x67: return second == 0x68 || second == 0x6C  // gh gl
        case 0x68: return second == 0x66  // hf
        case 0x6E: return second == 0x70  // np
        case 0x78: return second == 0x6F  // xo
        case 0x65: return second == 0x79  // ey
        case 0x42, 0x62: return ByteClass.lower(second) == 0x65  // be
        default: return false
        }
    }

    /// A credential with a known prefix (or keyword) starting at `start`, the first byte of a word.
    static func recognizeKnown(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        switch text[start] {
        case 0x73:  // s
            if text.matches("sk-", at: start) { return openAIStyleKey(text, at: start) }
            if text.matches("sk_live_", at: start) || text.matches("sk_test_", at: start) {
                return prefixed(text, start, prefixLength: 8, minBody: 16, body: isWordCharacter)
            }
        case 0x72:  // r
            if text.matches("rk_live_", at: start) || text.matches("rk_test_", at: start) {
                return prefixed(text, start, prefixLength: 8, minBody: 16, body: isWordCharacter)
            }
        case 0x41:  // A
            if text.matches("AKIA", at: start) || text.matches("ASIA", at: start) {
                return prefixed(
                    text, start, prefixLength: 4, minBody: 16, maxBody: 16,
                    body: { ByteClass.isUpper($0) || ByteClass.isDigit($0) })
            }
            if text.matches("AIza", at: start) {
                return prefixed(text, start, prefixLength: 4, minBody: 35, maxBody: 35, body: isURLSafeCharacter)
            }
            if ByteClass.lower(text[start + 1]) == 0x77 { return awsSecretAccessKey(text, at: start) }
        case 0x61:  // a
            if text[start + 1] == 0x77 { return awsSecretAccessKey(text, at: start) }
        case 0x67:  // g
            if text[start + 1] == 0x68 {
                if text[start + 3] == ByteClass.underscore,
                    [0x70, 0x6F, 0x73, 0x75, 0x72].contains(text[start + 2])  // p o s u r
                {
                    return prefixed(text, start, prefixLength: 4, minBody: 30, body: ByteClass.isAlnum)
                }
                if text.matches("github_pat_", at: start) {
                    return prefixed(text, start, prefixLength: 11, minBody: 40, body: isWordCharacter)
                }
            } else if text.matches("glpat-", at: start) {
                return prefixed(text, start, prefixLength: 6, minBody: 20, body: isURLSafeCharacter)
            }
        case 0x68:  // h
            if text.matches("hf_", at: start) {
                return prefixed(text, start, prefixLength: 3, minBody: 30, body: ByteClass.isAlnum)
            }
        case 0x6E:  // n
            if text.matches("npm_", at: start) {
                return prefixed(text, start, prefixLength: 4, minBody: 36, body: ByteClass.isAlnum)
            }
        case 0x78:  // x
            if text.matches("xox", at: start), text[start + 4] == ByteClass.dash,
                [0x62, 0x70, 0x61, 0x72, 0x73, 0x65].contains(text[start + 3])  // b p a r s e
            {
                guard
                    let range = prefixed(
                        text, start, prefixLength: 5, minBody: 10,
                        body: { ByteClass.isAlnum($0) || $0 == ByteClass.dash })
                else { return nil }
                return range.contains { ByteClass.isDigit(text[$0]) } ? range : nil
            }
        case 0x65:  // e
            if text.matches("eyJ", at: start) { return jsonWebToken(text, at: start) }
        case 0x42, 0x62:  // B b
            if text.matchesIgnoringCase("bearer", at: start) { return bearerCredential(text, at: start) }
        default:
            break
        }
        return nil
    }

    /// Longest private key block searched for its END line.
    static let maxPrivateKeyBlockLength = 65536

    /// A PEM private key block (`-----BEGIN RSA PRIVATE KEY-----` … `-----END RSA PRIVATE KEY-----`,
    /// also EC, OPENSSH, ENCRYPTED and plain PKCS #8) starting at `start`, BEGIN and END lines
    /// included. A block cut off before its END line (a truncated prompt) is redacted through
    /// its last base64 line. Public keys and certificates are not secrets and are not matched.
    static func recognizePrivateKeyBlock(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        guard text.matches("-----BEGIN ", at: start) else { return nil }
        let labelStart = start + 11
        let labelEnd = text.runEnd(from: labelStart, limit: 40) { ByteClass.isUpper($0) || $0 == ByteClass.space }
        guard labelEnd - labelStart >= 11, text.matches("PRIVATE KEY-----", at: labelEnd - 11) else { return nil }
        let bodyStart = labelEnd + 5
        let searchEnd = min(text.count, bodyStart + maxPrivateKeyBlockLength)
        var position = bodyStart
        while position < searchEnd {
            if text[position] == ByteClass.dash && text.matches("-----END ", at: position) {
                let endLabelEnd = text.runEnd(from: position + 9, limit: 40) {
                    ByteClass.isUpper($0) || $0 == ByteClass.space
                }
                if text.matches("-----", at: endLabelEnd) { return start..<(endLabelEnd + 5) }
            }
            position += 1
        }
        var end = text.runEnd(from: bodyStart, limit: maxPrivateKeyBlockLength) {
            ByteClass.isTokenCharacter($0) || $0 == ByteClass.equals || $0 == 0x0A || $0 == 0x0D
                || $0 == ByteClass.space || $0 == ByteClass.colon || $0 == ByteClass.comma
        }
        while end > bodyStart && (text[end - 1] == 0x0A || text[end - 1] == 0x0D || text[end - 1] == ByteClass.space) {
            end -= 1
        }
        return start..<end
    }

    // MARK: - Known formats

    /// `prefix` + body characters; nil when the body is too short or too long, or runs on into
    /// more token characters.
    private static func prefixed(
        _ text: ScanBuffer, _ start: Int, prefixLength: Int, minBody: Int, maxBody: Int = 512,
        body: (UInt8) -> Bool
    ) -> Range<Int>? {
        let bodyStart = start + prefixLength
        let end = text.runEnd(from: bodyStart, limit: maxBody + 1, while: body)
        guard end - bodyStart >= minBody, end - bodyStart <= maxBody, endsToken(text, at: end) else { return nil }
        return start..<end
    }

    /// OpenAI and Anthropic keys share `sk-`; so does prose such as "sk-learn", which is why the
    /// body must contain a letter, a digit and a long dash-free stretch.
    private static func openAIStyleKey(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        let bodyStart = start + 3
        let end = text.runEnd(from: bodyStart, limit: 512, while: isURLSafeCharacter)
        guard end - bodyStart >= 20, endsToken(text, at: end) else { return nil }
        var hasDigit = false
        var hasLetter = false
        var stretch = 0
        var longestStretch = 0
        for index in bodyStart..<end {
            let b = text[index]
            if ByteClass.isDigit(b) { hasDigit = true } else if ByteClass.isLetter(b) { hasLetter = true }
            stretch = b == ByteClass.dash ? 0 : stretch + 1
            longestStretch = max(longestStretch, stretch)
        }
        return hasDigit && hasLetter && longestStretch >= 16 ? start..<end : nil
    }

    /// `aws_secret_access_key = wJalr…` in any case, in env, INI, JSON or YAML form: only the
    /// 40-character value is a secret.
    private static func awsSecretAccessKey(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        guard text.matchesIgnoringCase("aws_secret_access_key", at: start) else { return nil }
        var position = start + 21
        position = text.runEnd(from: position, limit: 4) { ByteClass.isBlank($0) || isQuote($0) }
        guard text[position] == ByteClass.equals || text[position] == ByteClass.colon else { return nil }
        position = text.runEnd(from: position + 1, limit: 4) { ByteClass.isBlank($0) || isQuote($0) }
        let valueEnd = text.runEnd(from: position, limit: 41) {
            ByteClass.isAlnum($0) || $0 == ByteClass.slash || $0 == ByteClass.plus
        }
        guard valueEnd - position == 40, !ByteClass.isTokenCharacter(text[valueEnd]) else { return nil }
        return position..<valueEnd
    }

    /// Header and payload are base64url JSON objects, so both begin `eyJ`; the signature may be
    /// empty (unsigned tokens keep the trailing dot).
    private static func jsonWebToken(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        let headerEnd = text.runEnd(from: start, limit: 4096, while: isURLSafeCharacter)
        guard headerEnd - start >= 10, text[headerEnd] == ByteClass.dot,
            text.matches("eyJ", at: headerEnd + 1)
        else { return nil }
        let payloadEnd = text.runEnd(from: headerEnd + 1, limit: 16384, while: isURLSafeCharacter)
        guard payloadEnd - headerEnd > 10, text[payloadEnd] == ByteClass.dot else { return nil }
        let signatureEnd = text.runEnd(from: payloadEnd + 1, limit: 4096, while: isURLSafeCharacter)
        guard endsToken(text, at: signatureEnd) else { return nil }
        return start..<signatureEnd
    }

    /// The credential after `Bearer` (RFC 6750 token68); the scheme name itself stays.
    private static func bearerCredential(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        let tokenStart = text.runEnd(from: start + 6, limit: 4, while: ByteClass.isBlank)
        guard tokenStart > start + 6 else { return nil }
        var end = text.runEnd(from: tokenStart, limit: 16384) {
            ByteClass.isAlnum($0) || $0 == ByteClass.dash || $0 == ByteClass.dot || $0 == ByteClass.underscore
                || $0 == ByteClass.tilde || $0 == ByteClass.plus || $0 == ByteClass.slash
        }
        // A sentence may end right after the token.
        while end > tokenStart && text[end - 1] == ByteClass.dot { end -= 1 }
        guard end - tokenStart >= 16 else { return nil }
        var hasDigit = false
        var hasLetter = false
        for index in tokenStart..<end {
            let b = text[index]
            if ByteClass.isDigit(b) { hasDigit = true } else if ByteClass.isLetter(b) { hasLetter = true }
        }
        guard hasDigit, hasLetter else { return nil }
        end = text.runEnd(from: end, limit: 2) { $0 == ByteClass.equals }
        guard text[end] != ByteClass.at else { return nil }
        return tokenStart..<end
    }

    // MARK: - High-entropy tokens

    /// Tokens shorter than this are not judged: too many ordinary identifiers, and too few
    /// characters for entropy to mean anything.
    static let minRandomTokenLength = 32
    /// Random base62 of 32 characters scores about 4.5 bits; English-like identifiers 3.5–4.2, so
    /// entropy is a floor here and the structural tests below do most of the separating.
    static let minEntropyBits = 3.5
    /// Letter-digit alternations a random token of 32+ characters almost always has, and an
    /// identifier like `gpt4o_mini_2024` rarely does.
    static let minInterleavedDigitRuns = 2
    /// Share of the letters that may sit in pronounceable word pieces before the token is taken
    /// for an identifier made of words.
    static let maxWordLetterShare = 0.6
    /// A letter piece of 3+ letters with at least this share of vowels counts as a word ("spring"
    /// has 17 %); random letters have about 20 % on average, so this alone decides little, but
    /// random base62 rarely forms lower-case pieces of three or more.
    static let minWordVowelPercent = 15

    /// A token of base64 characters (plus `=` padding) starting at `start` that looks random: at
    /// least 32 characters, letters and digits interleaved in several places, a longest
    /// separator-free stretch that is not hex (hashes, git SHAs, trace ids, `req-<hex>`, `0x…`),
    /// not a path, not mostly made of words, and at least 3.5 bits of Shannon entropy per
    /// character.
    static func recognizeHighEntropy(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        let tokenEnd = text.runEnd(from: start, limit: 16384, while: ByteClass.isTokenCharacter)
        guard tokenEnd - start >= minRandomTokenLength else { return nil }
        let end = text.runEnd(from: tokenEnd, limit: 2) { $0 == ByteClass.equals }
        guard text[end] != ByteClass.at, !ByteClass.isTokenCharacter(text[end]) else { return nil }
        let range = start..<tokenEnd
        guard looksRandom(text, range) else { return nil }
        return start..<end
    }

    /// The structural and entropy tests of ``recognizeHighEntropy(_:at:)`` on `range`.
    static func looksRandom(_ text: ScanBuffer, _ range: Range<Int>) -> Bool {
        var hasDigit = false
        var interleavedDigitRuns = 0
        var letters = 0
        var wordLetters = 0
        // The longest stretch between separators carries the randomness of prefixed ids
        // ("req-<hex>", "chatcmpl-<random>"); when it is hex, the token is a hash or an id.
        var segmentLength = 0
        var segmentHasNonHexLetter = false
        var longestSegmentLength = 0
        var longestSegmentHasNonHexLetter = false
        var index = range.lowerBound
        // "0x6ba7b810…": the x of a hex literal does not make it non-hex.
        if text[index] == 0x30 && ByteClass.lower(text[index + 1]) == 0x78 { index += 2 }
        if isPathLike(text, range) { return false }
        while index < range.upperBound {
            let b = text[index]
            if ByteClass.isDigit(b) {
                hasDigit = true
                let runStart = index
                while index < range.upperBound && ByteClass.isDigit(text[index]) { index += 1 }
                if (runStart > range.lowerBound && ByteClass.isLetter(text[runStart - 1]))
                    || (index < range.upperBound && ByteClass.isLetter(text[index]))
                {
                    interleavedDigitRuns += 1
                }
                segmentLength += index - runStart
            } else if ByteClass.isLetter(b) {
                let piece = letterPieceEnd(text, from: index, limit: range.upperBound)
                let length = piece - index
                letters += length
                var vowels = 0
                for position in index..<piece {
                    let lower = ByteClass.lower(text[position])
                    if lower > 0x66 { segmentHasNonHexLetter = true }
                    if isVowel(lower) { vowels += 1 }
                }
                if length >= 3 && vowels * 100 >= length * minWordVowelPercent { wordLetters += length }
                segmentLength += length
                index = piece
            } else {
                segmentLength = 0
                segmentHasNonHexLetter = false
                index += 1
            }
            if segmentLength > longestSegmentLength {
                longestSegmentLength = segmentLength
                longestSegmentHasNonHexLetter = segmentHasNonHexLetter
            }
        }
        guard hasDigit, longestSegmentHasNonHexLetter, interleavedDigitRuns >= minInterleavedDigitRuns else {
            return false
        }
        guard Double(wordLetters) < maxWordLetterShare * Double(letters) else { return false }
        return ShannonEntropy.bitsPerByte(text.bytes, range) >= minEntropyBits
    }

    /// Whether `range` has a slash and a slash-separated segment of three or more lower-case
    /// letters (`org/TR/xhtml1/DTD`, `src/v2/handlers`): a path, where base64 would almost never
    /// put a short all-lower-case run between two slashes.
    private static func isPathLike(_ text: ScanBuffer, _ range: Range<Int>) -> Bool {
        var sawSlash = false
        var segmentStart = range.lowerBound
        var segmentIsLower = true
        var lowerSegment = false
        for index in range {
            let b = text[index]
            if b == ByteClass.slash {
                sawSlash = true
                if segmentIsLower && index - segmentStart >= 3 { lowerSegment = true }
                segmentStart = index + 1
                segmentIsLower = true
            } else if !ByteClass.isLower(b) {
                segmentIsLower = false
            }
        }
        if segmentIsLower && range.upperBound - segmentStart >= 3 { lowerSegment = true }
        return sawSlash && lowerSegment
    }

    /// The end of the letter piece at `start`: an optional capital then lower-case letters
    /// (`Token`, `token`), or a run of capitals not followed by lower-case (`HTTP` in `HTTPServer`
    /// ends before the `S`).
    private static func letterPieceEnd(_ text: ScanBuffer, from start: Int, limit: Int) -> Int {
        var end = start
        if ByteClass.isUpper(text[end]) {
            end += 1
            if end < limit && ByteClass.isUpper(text[end]) {
                while end < limit && ByteClass.isUpper(text[end]) { end += 1 }
                if end < limit && ByteClass.isLower(text[end]) && end - start > 1 { end -= 1 }
                return end
            }
        }
        while end < limit && ByteClass.isLower(text[end]) { end += 1 }
        return end
    }

    // MARK: - Character classes

    @inline(__always) private static func isVowel(_ lower: UInt8) -> Bool {
        lower == 0x61 || lower == 0x65 || lower == 0x69 || lower == 0x6F || lower == 0x75 || lower == 0x79
    }

    @inline(__always) private static func isWordCharacter(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == ByteClass.underscore
    }

    @inline(__always) private static func isURLSafeCharacter(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == ByteClass.underscore || b == ByteClass.dash
    }

    @inline(__always) private static func isQuote(_ b: UInt8) -> Bool {
        b == ByteClass.quote || b == ByteClass.apostrophe
    }

    /// Whether a token may end at `index`: the next byte does not continue it, and is not the `@`
    /// of an e-mail address.
    @inline(__always) private static func endsToken(_ text: ScanBuffer, at index: Int) -> Bool {
        let b = text[index]
        return !isURLSafeCharacter(b) && b != ByteClass.at
    }
}
