/// The single pass over a text's UTF-8 bytes that finds what to redact.
///
/// Most bytes are letters and spaces of prose, so the loop does as little as possible per byte:
/// a non-word byte costs a few comparisons unless it is one of the triggers `@` (e-mail), `+`
/// and `(` (phone), `:` (compressed IPv6, credential assignments), `=` (credential assignments),
/// `--` (PEM private key); a word costs one walk over its letters, a two-byte check for known
/// key prefixes, and the more expensive recognizers only when its shape calls for them (digits,
/// hex followed by `-` or `:`, a capital pair followed by digits, a token of 32+ characters).
///
/// Every recognizer starts at a word boundary and the scan resumes after whatever it recognised,
/// look-alikes included, so no fragment of a version string, timestamp or invalid number is ever
/// read again as something else.
struct PIIScanner {
    let text: ScanBuffer
    private let enabled: UInt16
    private let judgesRandomTokens: Bool
    private(set) var replacements: [Replacement] = []
    /// End of the last thing recognised: an e-mail's local part may not reach back before it.
    private var floor = 0
    /// End of the last replacement. What follows it will sit after the placeholder's `]`, so it is
    /// judged as if that were the byte before it: PII glued to PII ("123-45-6789+44 20 7946 0958")
    /// is found in one pass, as it would be in a second one.
    private var lastReplacementEnd = -1

    init(_ text: ScanBuffer, enabled: UInt16) {
        self.text = text
        self.enabled = enabled
        judgesRandomTokens = enabled & PIIDetector.secret.bit != 0
    }

    mutating func scan() {
        let bytes = text.bytes
        let count = bytes.count
        var index = 0
        while index < count {
            let b = bytes[index]
            if ByteClass.isAlnum(b) {
                index = word(at: index)
            } else if b == ByteClass.at {
                index = atSign(at: index)
            } else if b == ByteClass.plus || b == ByteClass.openParen {
                index = numberPrefix(at: index)
            } else if b == ByteClass.colon {
                index = colon(at: index)
            } else if b == ByteClass.equals {
                index = assignment(at: index)
            } else if b == ByteClass.dash && text[index + 1] == ByteClass.dash {
                index = dashes(at: index)
            } else {
                index += 1
            }
        }
    }

    // MARK: - Triggers

    /// `start` is the first byte of a word: the byte before it is not a letter or digit.
    private mutating func word(at start: Int) -> Int {
        let bytes = text.bytes
        let count = bytes.count
        var end = start
        var allHex = true
        var allDigits = true
        while end < count {
            let b = bytes[end]
            if ByteClass.isDigit(b) {
                // still hex, still digits
            } else if ByteClass.isLetter(b) {
                allDigits = false
                if allHex && (b | 0x20) > 0x66 { allHex = false }
            } else {
                break
            }
            end += 1
        }
        let length = end - start
        let first = bytes[start]
        let next = text[end]
        let previous = byte(before: start)

        if SecretRecognizer.mayStartKnown(first, text[start + 1]),
            let range = SecretRecognizer.recognizeKnown(text, at: start)
        {
            return apply(.match(.secret, range), from: start)
        }
        if allHex {
            if length == 8 && next == ByteClass.dash, let range = UUIDRecognizer.recognize(text, at: start) {
                return apply(.match(.uuid, range), from: start)
            }
            if length <= 4 && next == ByteClass.colon && previous != ByteClass.colon,
                let range = IPv6Recognizer.recognize(text, at: start)
            {
                return apply(.match(.ipv6, range), from: start)
            }
        }
        // The second address of a range ("10.0.0.1-10.0.0.255") follows a dash, right after the first.
        let continuesRange = previous == ByteClass.dash && floor == start - 1
        if allDigits && length <= 3 && next == ByteClass.dot && (Self.numberMayFollow(previous) || continuesRange),
            let recognition = IPv4Recognizer.recognize(text, at: start)
        {
            return apply(recognition, from: start)
        }
        if allDigits && Self.numberMayFollow(previous) {
            if length >= CardNumber.lengths.lowerBound || next == ByteClass.space || next == ByteClass.dash
                || next == ByteClass.dot || next == ByteClass.openParen,
                let recognition = NumberRecognizer.recognize(text, at: start)
            {
                return apply(recognition, from: start)
            }
        }
        if ByteClass.isUpper(first) && ByteClass.isUpper(text[start + 1]),
            let recognition = IBANRecognizer.recognize(text, at: start)
        {
            return apply(recognition, from: start)
        }
        if judgesRandomTokens && (length >= SecretRecognizer.minRandomTokenLength || ByteClass.isTokenCharacter(next))
            && !ByteClass.isTokenCharacter(previous),
            let range = SecretRecognizer.recognizeHighEntropy(text, at: start)
        {
            return apply(.match(.secret, range), from: start)
        }
        if ByteClass.isDigit(first) {
            // The rest of a numeric token (`2024-08-06T12:30:00Z`, `1.2.3.4.5`, `$1,234.56`) is
            // not a place to start looking again.
            return text.runEnd(from: end) {
                ByteClass.isAlnum($0) || $0 == ByteClass.dot || $0 == ByteClass.comma || $0 == ByteClass.colon
                    || $0 == ByteClass.dash || $0 == ByteClass.underscore || $0 == ByteClass.slash
            }
        }
        return end
    }

    private mutating func atSign(at index: Int) -> Int {
        guard let recognition = EmailRecognizer.recognize(text, at: index, floor: floor) else { return index + 1 }
        return apply(recognition, from: index)
    }

    /// `+` or `(` possibly opening a phone number.
    private mutating func numberPrefix(at index: Int) -> Int {
        let next = text[index + 1]
        let previous = byte(before: index)
        guard ByteClass.isDigit(next) || (text[index] == ByteClass.plus && next == ByteClass.openParen),
            !ByteClass.isAlnum(previous), previous != ByteClass.plus, previous != ByteClass.dot,
            let recognition = NumberRecognizer.recognize(text, at: index)
        else { return index + 1 }
        return apply(recognition, from: index)
    }

    /// `::` opening a compressed IPv6 address, or the `:` between a credential key and its value.
    private mutating func colon(at index: Int) -> Int {
        let previous = byte(before: index)
        if text[index + 1] == ByteClass.colon {
            guard ByteClass.isHex(text[index + 2]), !ByteClass.isAlnum(previous), previous != ByteClass.colon,
                let range = IPv6Recognizer.recognize(text, at: index)
            else { return index + 1 }
            return apply(.match(.ipv6, range), from: index)
        }
        return assignment(at: index)
    }

    /// `=` or `:` between a credential key and its value (`DB_PASSWORD=…`, `"api_key": "…"`).
    private mutating func assignment(at index: Int) -> Int {
        guard let range = CredentialAssignmentRecognizer.recognize(text, at: index) else { return index + 1 }
        return apply(.match(.secret, range), from: index)
    }

    /// `-----BEGIN … PRIVATE KEY-----`.
    private mutating func dashes(at index: Int) -> Int {
        guard let range = SecretRecognizer.recognizePrivateKeyBlock(text, at: index) else { return index + 1 }
        return apply(.match(.secret, range), from: index)
    }

    // MARK: - Results

    /// Records `recognition` if its detector is enabled and returns where scanning resumes.
    private mutating func apply(_ recognition: Recognition, from start: Int) -> Int {
        let resume: Int
        switch recognition {
        case .match(let detector, let range):
            if enabled & detector.bit != 0 {
                replacements.append(Replacement(detector: detector, range: range))
                lastReplacementEnd = range.upperBound
            }
            resume = range.upperBound
        case .lookAlike(let end):
            // A look-alike glued to letters ("415-555-2671ext") is skipped with them, so the scan
            // always resumes at a word boundary.
            resume = text.runEnd(from: end, while: ByteClass.isAlnum)
        }
        floor = max(floor, resume)
        return max(resume, start + 1)
    }

    /// The byte before `index`, reading a replacement that ends there as its placeholder's `]`.
    @inline(__always) private func byte(before index: Int) -> UInt8 {
        index == lastReplacementEnd ? 0x5D : text[index - 1]
    }

    /// Whether a number may start right after `previous`: not inside a word, a dotted version, a
    /// dashed or underscored identifier, or a Windows path.
    @inline(__always) private static func numberMayFollow(_ previous: UInt8) -> Bool {
        !ByteClass.isAlnum(previous) && previous != ByteClass.dot && previous != ByteClass.dash
            && previous != ByteClass.underscore && previous != ByteClass.backslash
    }
}
