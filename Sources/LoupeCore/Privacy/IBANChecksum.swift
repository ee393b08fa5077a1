/// The ISO 13616 / ISO 7064 mod-97-10 check used by IBANs.
enum IBANChecksum {
    /// Whether `characters` (upper-case ASCII letters and digits, no spaces) form an IBAN whose
    /// check digits are right: moving the first four characters to the end and reading letters as
    /// 10–35 must give a number ≡ 1 (mod 97).
    static func isValid<Characters: Collection<UInt8>>(_ characters: Characters) -> Bool
    where Characters.Index == Int {
        let count = characters.count
        guard count >= 5 else { return false }
        var remainder = 0
        let start = characters.startIndex
        for offset in 0..<count {
            let b = characters[start + (offset + 4) % count]
            if ByteClass.isDigit(b) {
                remainder = (remainder * 10 + Int(b &- 0x30)) % 97
            } else if ByteClass.isUpper(b) {
                remainder = (remainder * 100 + Int(b &- 0x41) + 10) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    /// Whether `iban` is valid, ignoring spaces and letter case.
    static func isValid(_ iban: String) -> Bool {
        var characters: [UInt8] = []
        for b in iban.utf8 where b != ByteClass.space {
            characters.append(ByteClass.isLower(b) ? b & ~0x20 : b)
        }
        return isValid(characters)
    }
}
