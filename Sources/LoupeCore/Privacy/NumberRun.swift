/// A run of digit groups as people write phone, card and social security numbers:
/// `+44 (0)20 7946 0958`, `4111-1111-1111-1111`, `(415) 555-2671`.
///
/// Groups are separated by exactly one space, dash or dot, or joined by parentheses. The run
/// records where each group is and what separated it, so that recognizers can judge any
/// whole-group window of it (a card number followed by its expiry month, a phone number after a
/// year) without re-reading bytes.
struct NumberRun {
    struct Group {
        /// First byte of the group, its `(` included.
        var start: Int
        var digitsStart: Int
        var digitsEnd: Int
        /// Past the group, its `)` included.
        var end: Int
        /// The byte between the previous group and this one; 0 for the first group and for a
        /// group glued to a parenthesised one.
        var separator: UInt8
        var isParenthesised: Bool

        var digitCount: Int { digitsEnd - digitsStart }
    }

    /// Groups beyond this are not read: no supported format has more, and it bounds the work
    /// spent on long space-separated lists of numbers.
    static let maxGroups = 12
    /// No group of a supported format is longer; longer digit strings are ids and hashes.
    static let maxGroupDigits = 19

    /// Where the run starts: its `+`, `(` or first digit.
    let start: Int
    let hasPlus: Bool
    private(set) var groups: [Group] = []

    /// Past the last group.
    var end: Int { groups.last?.end ?? start }

    /// Reads the run starting at `start`; nil when no digit group starts there.
    init?(_ text: ScanBuffer, at start: Int) {
        self.start = start
        var position = start
        hasPlus = text[position] == ByteClass.plus
        if hasPlus { position += 1 }
        groups.reserveCapacity(6)
        var separator: UInt8 = 0
        while groups.count < Self.maxGroups {
            if text[position] == ByteClass.openParen {
                let digitsStart = position + 1
                let digitsEnd = text.runEnd(from: digitsStart, limit: 6, while: ByteClass.isDigit)
                guard digitsEnd > digitsStart, digitsEnd - digitsStart <= 5,
                    text[digitsEnd] == ByteClass.closeParen
                else { break }
                groups.append(
                    Group(
                        start: position, digitsStart: digitsStart, digitsEnd: digitsEnd, end: digitsEnd + 1,
                        separator: separator, isParenthesised: true))
                position = digitsEnd + 1
                // "(0)20": the next group may follow the parenthesis directly.
                if ByteClass.isDigit(text[position]) {
                    separator = 0
                    continue
                }
            } else if ByteClass.isDigit(text[position]) {
                let digitsEnd = text.runEnd(
                    from: position, limit: Self.maxGroupDigits + 1, while: ByteClass.isDigit)
                guard digitsEnd - position <= Self.maxGroupDigits, !ByteClass.isDigit(text[digitsEnd]) else { break }
                groups.append(
                    Group(
                        start: position, digitsStart: position, digitsEnd: digitsEnd, end: digitsEnd,
                        separator: separator, isParenthesised: false))
                position = digitsEnd
            } else {
                break
            }
            let b = text[position]
            let next = text[position + 1]
            if b == ByteClass.space || b == ByteClass.dash || b == ByteClass.dot {
                guard ByteClass.isDigit(next) || (next == ByteClass.openParen && ByteClass.isDigit(text[position + 2]))
                else { break }
                separator = b
                position += 1
            } else if b == ByteClass.openParen && ByteClass.isDigit(next) {
                separator = 0
            } else {
                break
            }
        }
        if groups.isEmpty { return nil }
    }

    /// Digits in groups `window`.
    func digitCount(_ window: Range<Int>) -> Int {
        var total = 0
        for index in window { total += groups[index].digitCount }
        return total
    }

    /// The separator shared by every group boundary inside `window`: 0 for a single group, nil
    /// when boundaries differ or a parenthesis joins two groups.
    func uniformSeparator(_ window: Range<Int>) -> UInt8? {
        guard window.count > 1 else { return 0 }
        let separator = groups[window.lowerBound + 1].separator
        guard separator != 0 else { return nil }
        for index in (window.lowerBound + 1)..<window.upperBound where groups[index].separator != separator {
            return nil
        }
        return separator
    }

    /// Whether any group in `window` is parenthesised.
    func hasParenthesis(_ window: Range<Int>) -> Bool {
        window.contains { groups[$0].isParenthesised }
    }

    /// The digit counts of the groups in `window` equal `lengths`.
    func hasGroupLengths(_ window: Range<Int>, _ lengths: [Int]) -> Bool {
        guard window.count == lengths.count else { return false }
        for (offset, length) in lengths.enumerated() where groups[window.lowerBound + offset].digitCount != length {
            return false
        }
        return true
    }
}
