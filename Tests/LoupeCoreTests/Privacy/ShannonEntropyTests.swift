import Testing

@testable import LoupeCore

@Suite("Shannon entropy")
struct ShannonEntropyTests {
    @Test("known values")
    func knownValues() {
        #expect(ShannonEntropy.bitsPerByte("") == 0)
        #expect(ShannonEntropy.bitsPerByte("aaaaaaaa") == 0)
        #expect(ShannonEntropy.bitsPerByte("abab") == 1)
        #expect(ShannonEntropy.bitsPerByte("abcd") == 2)
        #expect(abs(ShannonEntropy.bitsPerByte("0123456789abcdef") - 4) < 1e-9)
    }

    @Test("random tokens score higher than words")
    func randomVersusWords() {
        #expect(ShannonEntropy.bitsPerByte("3yogiKsSOMaam74tXFAZwneVAdjMblBWwT9jsh1f") > 4.5)
        #expect(ShannonEntropy.bitsPerByte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1") < 1)
    }
}
