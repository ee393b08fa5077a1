/// The Luhn (mod 10) check digit algorithm used by payment card numbers.
enum Luhn {
    /// Whether the decimal digits (values 0–9, most significant first) carry a valid check digit.
    static func isValid<Digits: BidirectionalCollection<UInt8>>(digits: Digits) -> Bool {
        var sum = 0
        var double = false
        for digit in digits.reversed() {
            var d = Int(digit)
            if double {
                d &*= 2
                if d > 9 { d -= 9 }
            }
            sum &+= d
            double.toggle()
        }
        return !digits.isEmpty && sum % 10 == 0
    }

    /// Whether the ASCII digits in `number` carry a valid check digit; spaces and dashes are
    /// ignored, anything else makes the number invalid.
    static func isValid(_ number: String) -> Bool {
        var digits: [UInt8] = []
        for b in number.utf8 {
            if ByteClass.isDigit(b) {
                digits.append(b &- 0x30)
            } else if b != ByteClass.space && b != ByteClass.dash {
                return false
            }
        }
        return isValid(digits: digits)
    }
}
