import Testing

@testable import LoupeCore

@Suite("IBAN checksum and registry")
struct IBANChecksumTests {
    @Test(
        "valid IBANs",
        arguments: [
            "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "FR1420041010050500013M02606",
            "NL91ABNA0417164300", "BE68539007547034", "NO9386011117947", "gb82west12345698765432",
        ])
    func valid(iban: String) {
        #expect(IBANChecksum.isValid(iban))
    }

    @Test(
        "invalid IBANs",
        arguments: ["GB82WEST12345698765433", "DE89370400440532013001", "GB00WEST12345698765432", "GB82", "GB82-WEST"])
    func invalid(iban: String) {
        #expect(!IBANChecksum.isValid(iban))
    }

    @Test("registered lengths")
    func registeredLengths() {
        func length(_ code: String) -> Int? {
            let bytes = Array(code.utf8)
            return IBANRegistry.length(country: bytes[0], bytes[1])
        }
        #expect(length("GB") == 22)
        #expect(length("DE") == 22)
        #expect(length("NO") == 15)
        #expect(length("LC") == 32)
        #expect(length("YT") == 27)
        #expect(length("US") == nil)
        #expect(length("ZZ") == nil)
    }
}
