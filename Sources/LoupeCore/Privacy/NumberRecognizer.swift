/// Finds social security, payment card and phone numbers in a ``NumberRun``.
///
/// Every window of whole groups is a candidate, longest first, starting at the beginning of the
/// run or after a space (a card number after a year, a card number followed by its expiry). A
/// window is tried as, in order:
///
/// - SSN: `ddd-dd-dddd`, area not 000/666/9xx, group not 00, serial not 0000. An invalid one is a
///   look-alike and stops the search.
/// - card: 13–19 digits, compact or grouped from a group of four (``CardNumber``).
/// - phone: `+` and 8–15 digits (10–15 when not separated); a parenthesised area code (or `(0)`)
///   and 9–12 digits; North American `ddd-ddd-dddd`, `1 ddd ddd dddd`, `1 (ddd) ddd-dddd` with
///   valid area and exchange codes; the `00` international prefix with 11–15 digits;
///   trunk-prefixed national numbers (`0`, then 9–11 digits in at least two groups).
///
/// Unseparated digit strings without `+` are never phone numbers: they are order numbers, ids,
/// counts and timestamps far more often. Nor is a space-separated window of a longer run of
/// numbers, unless it starts with `+`.
enum NumberRecognizer {
    /// What the number run starting at `start` (a `+`, `(` or digit that starts a number) holds.
    /// nil when no run starts there; a look-alike covering the run when nothing in it matched,
    /// so that no fragment of it is read again.
    static func recognize(_ text: ScanBuffer, at start: Int) -> Recognition? {
        guard let run = NumberRun(text, at: start) else { return nil }
        let count = run.groups.count
        let trailing = text[run.end]
        let afterTrailing = text[run.end + 1]
        // Glued to a word, a path or a suffix ("…-XL", "….pdf", "…/2") the run is part of an id.
        let runEndIsBoundary =
            !ByteClass.isAlnum(trailing) && trailing != ByteClass.underscore && trailing != ByteClass.at
            && !(trailing == ByteClass.slash && ByteClass.isDigit(afterTrailing))
            && !((trailing == ByteClass.dash || trailing == ByteClass.dot) && ByteClass.isAlnum(afterTrailing))

        for first in 0..<count where first == 0 || run.groups[first].separator == ByteClass.space {
            var end = count
            while end > first {
                let window = first..<end
                let endIsBoundary = end == count ? runEndIsBoundary : run.groups[end].separator == ByteClass.space
                if endIsBoundary, let recognition = classify(text, run, window) {
                    return recognition
                }
                end -= 1
            }
        }
        return count > 1 ? .lookAlike(end: run.end) : nil
    }

    private static func classify(_ text: ScanBuffer, _ run: NumberRun, _ window: Range<Int>) -> Recognition? {
        let hasPlus = run.hasPlus && window.lowerBound == 0
        let startIndex = hasPlus ? run.start : run.groups[window.lowerBound].start
        let range = startIndex..<run.groups[window.upperBound - 1].end
        let digits = run.digitCount(window)

        if !hasPlus, window.count == 3, run.uniformSeparator(window) == ByteClass.dash,
            run.hasGroupLengths(window, [3, 2, 4])
        {
            return isValidSSN(text, run, window) ? .match(.ssn, range) : .lookAlike(end: range.upperBound)
        }
        if !hasPlus, CardNumber.lengths.contains(digits), CardNumber.hasCardGrouping(run, window),
            !continuesGrouping(text, range), isValidCard(text, run, window, digits: digits)
        {
            return .match(.card, range)
        }
        if isPhone(text, run, window, hasPlus: hasPlus, digits: digits) {
            return .match(.phone, range)
        }
        return nil
    }

    /// Whether a four-character hex group (`5427`, `39D8`) sits one space or newline before or after
    /// `range`: the window is then a slice of a table of numbers (code points, hex dumps), not a card
    /// number written on its own.
    private static func continuesGrouping(_ text: ScanBuffer, _ range: Range<Int>) -> Bool {
        func isHexQuad(_ start: Int) -> Bool {
            var hasDigit = false
            for index in start..<(start + 4) {
                let b = text[index]
                guard ByteClass.isHex(b) else { return false }
                if ByteClass.isDigit(b) { hasDigit = true }
            }
            return hasDigit && !ByteClass.isAlnum(text[start - 1]) && !ByteClass.isAlnum(text[start + 4])
        }
        let before = text[range.lowerBound - 1]
        let after = text[range.upperBound]
        return ((before == ByteClass.space || before == 0x0A) && isHexQuad(range.lowerBound - 5))
            || ((after == ByteClass.space || after == 0x0A) && isHexQuad(range.upperBound + 1))
    }

    private static func isValidSSN(_ text: ScanBuffer, _ run: NumberRun, _ window: Range<Int>) -> Bool {
        func value(_ group: NumberRun.Group) -> Int {
            var total = 0
            for index in group.digitsStart..<group.digitsEnd { total = total * 10 + Int(text[index] &- 0x30) }
            return total
        }
        let area = value(run.groups[window.lowerBound])
        let group = value(run.groups[window.lowerBound + 1])
        let serial = value(run.groups[window.lowerBound + 2])
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    private static func isValidCard(_ text: ScanBuffer, _ run: NumberRun, _ window: Range<Int>, digits: Int) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digits) { buffer in
            var count = 0
            for groupIndex in window {
                let group = run.groups[groupIndex]
                for index in group.digitsStart..<group.digitsEnd {
                    buffer[count] = text[index] &- 0x30
                    count += 1
                }
            }
            return CardNumber.isValid(digits: UnsafeBufferPointer(buffer))
        }
    }

    /// "(415) 555-2671", "(020) 7946 0958", "(0)20 7946 0958": an area code in parentheses (2–3
    /// digits; 4–5 only with a leading 0, so that a year is not one; or the trunk prefix `(0)`),
    /// then 9–12 digits in all, ending in a group of four or more. Citations such as
    /// "(2009) 764-774" fail both ways.
    private static func hasParenthesisedAreaCode(
        _ text: ScanBuffer, _ run: NumberRun, _ window: Range<Int>, digits: Int
    ) -> Bool {
        let areaCode = run.groups[window.lowerBound]
        let leadingZero = text[areaCode.digitsStart] == 0x30
        let plausibleAreaCode =
            switch areaCode.digitCount {
            case 1: leadingZero
            case 2, 3: true
            case 4, 5: leadingZero
            default: false
            }
        guard plausibleAreaCode, (9...12).contains(digits), window.count >= 2,
            run.groups[window.upperBound - 1].digitCount >= 4
        else { return false }
        return window.dropFirst().allSatisfy { run.groups[$0].digitCount >= 2 && !run.groups[$0].isParenthesised }
    }

    private static func isPhone(
        _ text: ScanBuffer, _ run: NumberRun, _ window: Range<Int>, hasPlus: Bool, digits: Int
    ) -> Bool {
        let firstGroup = run.groups[window.lowerBound]
        let firstDigit = text[firstGroup.digitsStart]
        let secondDigit = text[firstGroup.digitsStart + 1]

        if hasPlus {
            guard (8...15).contains(digits), firstDigit != 0x30 else { return false }
            if window.count == 1 { return digits >= 10 }
            return !firstGroup.isParenthesised && firstGroup.digitCount <= 3
        }
        if firstGroup.isParenthesised {
            return hasParenthesisedAreaCode(text, run, window, digits: digits)
        }
        // "1 (800) 555-0199": the North American country code before a parenthesised area code.
        if window.count >= 3, firstGroup.digitCount == 1, firstDigit == 0x31,
            run.groups[window.lowerBound + 1].isParenthesised
        {
            return hasParenthesisedAreaCode(text, run, (window.lowerBound + 1)..<window.upperBound, digits: digits - 1)
        }
        guard window.count >= 2, !run.hasParenthesis(window), let separator = run.uniformSeparator(window) else {
            return false
        }
        // Space-separated groups inside a longer list of numbers ("6 12 24 48 96 192 384 768 1536
        // 3072", "2000 01 01 00 00 00") are data, not a phone number.
        if separator == ByteClass.space && window.count != run.groups.count { return false }
        // North American Numbering Plan: area code and exchange start with 2–9.
        if run.hasGroupLengths(window, [3, 3, 4]) {
            let exchange = text[run.groups[window.lowerBound + 1].digitsStart]
            return firstDigit >= 0x32 && exchange >= 0x32
        }
        if run.hasGroupLengths(window, [1, 3, 3, 4]) {
            let area = text[run.groups[window.lowerBound + 1].digitsStart]
            return firstDigit == 0x31 && area >= 0x32
        }
        guard firstDigit == 0x30, separator == ByteClass.space || separator == ByteClass.dash else { return false }
        guard window.allSatisfy({ run.groups[$0].digitCount >= 2 }) else { return false }
        if secondDigit == 0x30 {
            // 00 international prefix: "0044 20 7946 0958".
            return (11...15).contains(digits) && text[firstGroup.digitsStart + 2] != 0x30
        }
        // Trunk prefix 0: "020 7946 0958", "030 901820", "06 12 34 56 78". Nine digits only with
        // spaces: "02110-1301" is a ZIP+4 code.
        let minDigits = separator == ByteClass.space ? 9 : 10
        return (2...5).contains(firstGroup.digitCount) && (minDigits...11).contains(digits)
    }
}
