import Testing

@testable import LoupeCore

@Suite("Luhn")
struct LuhnTests {
    @Test(
        "valid numbers",
        arguments: ["4111111111111111", "5555 5555 5555 4444", "3782-822463-10005", "0", "18", "79927398713"])
    func valid(number: String) {
        #expect(Luhn.isValid(number))
    }

    @Test("invalid numbers", arguments: ["4111111111111112", "1234567890123456", "79927398710", "", "4111x1111"])
    func invalid(number: String) {
        #expect(!Luhn.isValid(number))
    }

    @Test("digit values")
    func digitValues() {
        #expect(Luhn.isValid(digits: [7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]))
        #expect(!Luhn.isValid(digits: [7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]))
        #expect(!Luhn.isValid(digits: [UInt8]()))
    }
}
