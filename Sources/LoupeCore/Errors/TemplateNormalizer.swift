/// The state of one normalisation pass. A separate type so the scanning helpers can share the
/// cursor and output without passing them around.
struct TemplateNormalizer {
    let input: UnsafeBufferPointer<UInt8>
    let limit: Int
    var output: [UInt8] = []
    var index = 0
    var full = false
    /// Closing quotes to copy literally, innermost last (keys and kept prose), and whether the
    /// span was a key such as `message` whose value is an embedded message worth keeping.
    var literalCloses: [(position: Int, messageKey: Bool)] = []
    /// Set after a key such as `message`: its value is an embedded message worth keeping.
    var expectMessageValue = false
    /// An opening quote at this position is kept, because the span around it is a serialized string.
    var keepQuoteAt = -1

    init(input: UnsafeBufferPointer<UInt8>, limit: Int) {
        self.input = input
        self.limit = limit
        output.reserveCapacity(min(input.count, limit) + 16)
    }

    // Constant tables, so the hot path does not build arrays.
    static let messageKeys: [StaticString] = [
        "message", "msg", "detail", "details", "description", "error_description", "errormessage", "error_message",
    ]
    static let timeUnits: [StaticString] = ["ns", "us", "ms", "s", "sec", "secs", "m", "min", "mins", "h", "hr", "hrs"]
    static let sizeUnits: [StaticString] = [
        "kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "ki", "mi", "gi", "ti", "bytes",
    ]
    static let uuidGroups = [8, 4, 4, 4, 12]
    mutating func run() -> String {
        while index < input.count && !full {
            let byte = input[index]
            if isSpace(byte) {
                if let last = output.last, last != .space { append(.space) }
                index += 1
            } else if let close = literalCloses.last, close.position == index {
                literalCloses.removeLast()
                append(byte)
                expectMessageValue = close.messageKey
                index += 1
            } else if isQuote(byte), quote(at: index) {
                continue
            } else if isWordByte(byte) {
                if !url() { compound() }
                expectMessageValue = false
            } else {
                append(byte)
                if byte != .colon { expectMessageValue = false }
                index += 1
            }
        }
        while output.last == .space { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Output

    mutating func append(_ byte: UInt8) {
        guard !full else { return }
        if output.count >= limit {
            full = true
            dropIncompleteCharacter()
            return
        }
        output.append(byte)
    }

    /// Copies text as it is, as much as fits.
    mutating func append(_ bytes: some Collection<UInt8>) {
        for byte in bytes { append(byte) }
    }

    /// Placeholders go in whole or not at all.
    mutating func placeholder(_ text: StaticString) {
        guard !full else { return }
        if output.count + text.utf8CodeUnitCount > limit {
            full = true
            return
        }
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A cut template must not end inside a multi-byte character.
    mutating func dropIncompleteCharacter() {
        var continuation = 0
        var k = output.count - 1
        while k >= 0, output[k] & 0xC0 == 0x80 {
            continuation += 1
            k -= 1
        }
        guard k >= 0, output[k] >= 0xC0 else { return }
        let lead = output[k]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        if continuation + 1 < length { output.removeSubrange(k...) }
    }

    // MARK: Quotes

    /// Handles a quote at `start`. Returns false when the quote is to be copied as an ordinary character.
    mutating func quote(at start: Int) -> Bool {
        let q = input[start]
        let escapedOpen = start > 0 && input[start - 1] == .backslash
        // An apostrophe inside a word ("model's", "don't") opens nothing.
        if q == .apostrophe, start > 0, isAlphanumeric(input[start - 1]) { return false }
        guard let close = closingQuote(for: q, from: start, escaped: escapedOpen) else { return false }
        let contentStart = start + 1
        let contentEnd = escapedOpen ? close - 1 : close
        guard contentStart <= contentEnd else { return false }

        let forcedKeep = keepQuoteAt == start
        let isKey = followedByColon(close + 1)
        let content = UnsafeBufferPointer(rebasing: input[contentStart..<contentEnd])
        let wasMessageValue = expectMessageValue
        expectMessageValue = false

        if isKey {
            // A JSON or dict key is structure, not a value: keep it, and remember whether the
            // value that follows is an embedded message.
            keep(openAt: start, closeAt: close, messageKey: isMessageKey(content))
            return true
        }
        let serialized = content.count >= 2 && isQuote(content[0]) && content[0] != q
            && content[content.count - 1] == content[0]
        let prose = q != .backtick && content.count > ErrorFingerprint.maxQuotedValueBytes && content.contains(.space)
        if forcedKeep || serialized || wasMessageValue || prose {
            if serialized { keepQuoteAt = contentStart }
            keep(openAt: start, closeAt: close)
            return true
        }
        // An escaped quote (\"name\") leaves its backslash in the output; drop it with the value.
        if escapedOpen, output.last == .backslash { output.removeLast() }
        placeholder("<str>")
        index = close + 1
        return true
    }

    mutating func keep(openAt start: Int, closeAt close: Int, messageKey: Bool = false) {
        append(input[start])
        literalCloses.append((close, messageKey))
        index = start + 1
    }

    func closingQuote(for q: UInt8, from start: Int, escaped: Bool) -> Int? {
        // Never look past an enclosing kept span, so nesting stays balanced on malformed input.
        let end = min(literalCloses.last?.position ?? input.count, input.count)
        var k = start + 1
        while k < end {
            let byte = input[k]
            if escaped {
                if byte == q && input[k - 1] == .backslash { return k }
            } else if byte == .backslash {
                k += 2
                continue
            } else if byte == q {
                if q == .apostrophe, k + 1 < input.count, isAlphanumeric(input[k + 1]) {
                    k += 1
                    continue
                }
                return k
            } else if byte == .newline && q != .backtick {
                return nil
            }
            k += 1
        }
        return nil
    }

    func followedByColon(_ position: Int) -> Bool {
        var k = position
        while k < input.count, input[k] == .space { k += 1 }
        // A colon marks a JSON or dict key; it also keeps names such as `'temperature': decimal
        // above maximum`, which tell one failure mode from another.
        return k < input.count && input[k] == .colon
    }

    func isMessageKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        matchesAny(key, Self.messageKeys)
    }

    // MARK: URLs

    /// `scheme://…` becomes `<url>`. Returns false when the word at the cursor is not a URL.
    mutating func url() -> Bool {
        guard isLetter(input[index]) else { return false }
        var k = index
        while k < input.count, isSchemeByte(input[k]) { k += 1 }
        guard k > index, k + 2 < input.count, input[k] == .colon, input[k + 1] == .slash, input[k + 2] == .slash,
            isLetter(input[index])
        else { return false }
        k += 3
        while k < input.count, !isSpace(input[k]), !isURLTerminator(input[k]) { k += 1 }
        // Sentence punctuation after a URL is not part of it.
        while k > index, isTrailingPunctuation(input[k - 1]) { k -= 1 }
        placeholder("<url>")
        index = k
        return true
    }

    // MARK: Words, numbers and ids

    /// A run of word characters joined by `- . : @ + /`: an id, number, email, address, date, or words.
    mutating func compound() {
        var end = index
        while end < input.count, isCompoundByte(input[end]) { end += 1 }
        // Joiners at the end are sentence punctuation ("exist.", "Error:").
        while end > index + 1, isJoiner(input[end - 1]) { end -= 1 }
        var start = index
        index = end

        if let name = nameLabel(UnsafeBufferPointer(rebasing: input[start..<end])) {
            placeholder(name)
            return
        }
        if let at = firstIndex(of: .at, start, end), at > start, firstIndex(of: .dot, at, end) != nil {
            placeholder("<email>")
            return
        }
        while start < end {
            if let next = timestamp(start, end) {
                placeholder("<ts>")
                start = next
            } else if let next = uuid(start, end) {
                placeholder("<id>")
                start = next
            } else if let next = ipAddress(start, end) {
                placeholder("<ip>")
                start = next
            } else if isJoiner(input[start]) {
                append(input[start])
                start += 1
            } else {
                start = segment(start, end)
            }
        }
    }

    /// One segment between joiners; returns where it ends.
    mutating func segment(_ start: Int, _ end: Int) -> Int {
        var k = start
        while k < end {
            let byte = input[k]
            // A dot or comma between digits belongs to the number.
            if byte == .dot, k > start, isDigit(input[k - 1]), k + 1 < end, isDigit(input[k + 1]) {
                k += 1
                continue
            }
            if isJoiner(byte) { break }
            k += 1
        }
        emitSegment(start, k)
        return k
    }

    mutating func emitSegment(_ start: Int, _ end: Int) {
        let part = UnsafeBufferPointer(rebasing: input[start..<end])
        var digits = 0
        var dots = 0
        var stars = 0
        var leadingNumber = 0
        var inLeadingNumber = true
        for byte in part {
            if isDigit(byte) {
                digits += 1
            } else if byte == .dot {
                dots += 1
            } else if byte == .asterisk {
                stars += 1
            }
            if inLeadingNumber {
                if isDigit(byte) || (byte == .dot && leadingNumber > 0) { leadingNumber += 1 } else { inLeadingNumber = false }
            }
        }
        if stars >= 3 {  // a masked key such as sk-abc1****wxyz
            placeholder("<id>")
            return
        }
        if digits > 0 && digits + dots == part.count {
            placeholder("<num>")
            return
        }
        if leadingNumber > 0 && leadingNumber < part.count {
            if isDuration(part) {
                placeholder("<duration>")
                return
            }
            let unit = UnsafeBufferPointer(rebasing: part[leadingNumber...])
            if isSizeUnit(unit) {
                placeholder("<num>")
                append(unit)
                return
            }
        }
        if part.count > 2, part[0] == .zero, lowercase(part[1]) == .x, part.dropFirst(2).allSatisfy(isHexDigit) {
            placeholder("<id>")
            return
        }
        // Words joined by underscores (EMBED_TEXT_768, req_011CTxyz…) are judged part by part, so a
        // name keeps its digits but a random suffix becomes <id>.
        var partStart = start
        for k in start...end {
            if k == end || input[k] == .underscore {
                if looksRandom(partStart, k) {
                    placeholder("<id>")
                } else {
                    append(UnsafeBufferPointer(rebasing: input[partStart..<k]))
                }
                if k < end { append(.underscore) }
                partStart = k + 1
            }
        }
    }

    /// Ids are long and mix letters with digits; words and model names do not.
    func looksRandom(_ start: Int, _ end: Int) -> Bool {
        guard end - start >= 8 else { return false }
        var digits = 0
        var letters = 0
        for k in start..<end {
            if isDigit(input[k]) { digits += 1 } else if isLetter(input[k]) { letters += 1 } else { return false }
        }
        return digits >= 1 && letters >= 1 && (digits >= 2 || end - start >= 12)
    }

    /// `120ms`, `2.642s`, `3m12.5s`.
    func isDuration(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        var sawUnit = false
        while k < part.count {
            let numberStart = k
            while k < part.count, isDigit(part[k]) || part[k] == .dot { k += 1 }
            guard k > numberStart else { return false }
            let unitStart = k
            while k < part.count, isLetter(part[k]) { k += 1 }
            guard k > unitStart, isTimeUnit(UnsafeBufferPointer(rebasing: part[unitStart..<k])) else { return false }
            sawUnit = true
        }
        return sawUnit
    }

    func isTimeUnit(_ unit: UnsafeBufferPointer<UInt8>) -> Bool {
        matchesAny(unit, Self.timeUnits)
    }

    func isSizeUnit(_ unit: UnsafeBufferPointer<UInt8>) -> Bool {
        matchesAny(unit, Self.sizeUnits)
    }

    func matchesAny(_ unit: UnsafeBufferPointer<UInt8>, _ names: [StaticString]) -> Bool {
        names.contains { name in
            name.utf8CodeUnitCount == unit.count
                && zip(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), unit).allSatisfy {
                    $0 == lowercase($1)
                }
        }
    }

    /// `2024-03-14`, optionally followed by `T06:46:52.356Z`; returns where it ends.
    func timestamp(_ start: Int, _ end: Int) -> Int? {
        guard digitRun(start, end) == 4, start + 10 <= end, input[start + 4] == .dash,
            digitRun(start + 5, end) == 2, input[start + 7] == .dash, digitRun(start + 8, end) == 2
        else { return nil }
        var k = start + 10
        if k < end, input[k] == UInt8(ascii: "T") || input[k] == UInt8(ascii: "t") {
            k += 1
            while k < end, isDigit(input[k]) || input[k] == .colon || input[k] == .dot || input[k] == .plus
                || input[k] == .dash || input[k] == UInt8(ascii: "Z") || input[k] == UInt8(ascii: "z")
            {
                k += 1
            }
        }
        return k
    }

    /// `8-4-4-4-12` hex digits; returns where it ends.
    func uuid(_ start: Int, _ end: Int) -> Int? {
        var k = start
        for (n, length) in Self.uuidGroups.enumerated() {
            if n > 0 {
                guard k < end, input[k] == .dash else { return nil }
                k += 1
            }
            for _ in 0..<length {
                guard k < end, isHexDigit(input[k]) else { return nil }
                k += 1
            }
        }
        return k < end && isHexDigit(input[k]) ? nil : k
    }

    /// IPv4 with an optional port; returns where it ends.
    func ipAddress(_ start: Int, _ end: Int) -> Int? {
        var k = start
        for n in 0..<4 {
            if n > 0 {
                guard k < end, input[k] == .dot else { return nil }
                k += 1
            }
            let run = digitRun(k, end)
            guard (1...3).contains(run) else { return nil }
            k += run
        }
        if k < end, input[k] == .dot || isLetter(input[k]) { return nil }
        if k < end, input[k] == .colon, digitRun(k + 1, end) > 0 { k += 1 + digitRun(k + 1, end) }
        return k
    }

    func digitRun(_ start: Int, _ end: Int) -> Int {
        var k = start
        while k < end, isDigit(input[k]) { k += 1 }
        return k - start
    }

    func firstIndex(of byte: UInt8, _ start: Int, _ end: Int) -> Int? {
        var k = start
        while k < end {
            if input[k] == byte { return k }
            k += 1
        }
        return nil
    }

    // MARK: Byte classes

    func isSpace(_ b: UInt8) -> Bool { b == .space || (b >= 0x09 && b <= 0x0D) }
    func isQuote(_ b: UInt8) -> Bool { b == .apostrophe || b == .doubleQuote || b == .backtick }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
    func isWordByte(_ b: UInt8) -> Bool { isAlphanumeric(b) || b == .underscore || b == .asterisk || b >= 0x80 }
    func isJoiner(_ b: UInt8) -> Bool {
        b == .dash || b == .dot || b == .colon || b == .at || b == .plus || b == .slash
    }
    func isCompoundByte(_ b: UInt8) -> Bool { isWordByte(b) || isJoiner(b) }
    func isSchemeByte(_ b: UInt8) -> Bool { isAlphanumeric(b) || b == .plus || b == .dash || b == .dot }
    func isURLTerminator(_ b: UInt8) -> Bool {
        b == .doubleQuote || b == .apostrophe || b == .backtick || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: "|")
    }
    func isTrailingPunctuation(_ b: UInt8) -> Bool {
        b == .dot || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == .colon || b == UInt8(ascii: "!")
            || b == UInt8(ascii: "?")
    }
    func lowercase(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let apostrophe = UInt8(ascii: "'")
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let backtick = UInt8(ascii: "`")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let dot = UInt8(ascii: ".")
    fileprivate static let dash = UInt8(ascii: "-")
    fileprivate static let at = UInt8(ascii: "@")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let asterisk = UInt8(ascii: "*")
    fileprivate static let underscore = UInt8(ascii: "_")
    fileprivate static let zero = UInt8(ascii: "0")
    fileprivate static let x = UInt8(ascii: "x")
}
