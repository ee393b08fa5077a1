/// Payment card number rules: issuer prefixes with their lengths, grouping, and the Luhn check.
///
/// Luhn alone passes one random number in ten, so the issuer prefix and length (from the ISO/IEC
/// 7812 ranges of the major networks: Visa, Mastercard, American Express, Discover, JCB, Diners
/// Club, UnionPay, RuPay, Mir, and Maestro's main IINs only) do most of the work of keeping order
/// numbers, tracking numbers and long ids out.
enum CardNumber {
    static let lengths = 13...19

    /// Whether groups `window` of `run` are written like a card number: compact, or grouped by
    /// one kind of separator (space or dash) starting with a group of four.
    static func hasCardGrouping(_ run: NumberRun, _ window: Range<Int>) -> Bool {
        guard !run.hasParenthesis(window) else { return false }
        if window.count == 1 { return true }
        guard let separator = run.uniformSeparator(window),
            separator == ByteClass.space || separator == ByteClass.dash,
            run.groups[window.lowerBound].digitCount == 4
        else { return false }
        for index in (window.lowerBound + 1)..<window.upperBound {
            let count = run.groups[index].digitCount
            let isLast = index == window.upperBound - 1
            guard count <= 6, isLast || count >= 3 else { return false }
        }
        return true
    }

    /// Whether `digits` (values 0–9) are a card number of a known network with a valid check digit.
    static func isValid(digits: UnsafeBufferPointer<UInt8>) -> Bool {
        lengths.contains(digits.count) && hasKnownIssuer(digits) && Luhn.isValid(digits: digits)
    }

    /// Whether the leading digits and the length match a major card network.
    static func hasKnownIssuer(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        guard digits.count >= 4 else { return false }
        let length = digits.count
        let two = Int(digits[0]) * 10 + Int(digits[1])
        let three = two * 10 + Int(digits[2])
        let four = three * 10 + Int(digits[3])
        switch digits[0] {
        case 4:  // Visa
            return length == 13 || length == 16 || length == 19
        case 5:
            if (51...55).contains(two) { return length == 16 }  // Mastercard
            return four == 5018 || four == 5020 || four == 5038 || four == 5893  // Maestro
        case 2:
            if (2221...2720).contains(four) { return length == 16 }  // Mastercard 2-series
            return (2200...2204).contains(four) && length >= 16  // Mir
        case 3:
            if two == 34 || two == 37 { return length == 15 }  // American Express
            if (3528...3589).contains(four) { return length >= 16 }  // JCB
            if (300...305).contains(three) || two == 36 || two == 38 || two == 39 || four == 3095 {
                return length >= 14  // Diners Club
            }
            return false
        case 6:
            if four == 6011 || two == 65 || (644...649).contains(three) { return length >= 16 }  // Discover
            if two == 62 || two == 60 { return length >= 16 }  // UnionPay, RuPay
            return four == 6304 || four == 6759 || (6761...6763).contains(four)  // Maestro
        default:
            return false
        }
    }
}
