/// IBAN lengths by country, from the SWIFT IBAN registry.
///
/// Requiring the registered length (not just 15–34 characters) keeps upper-case codes that
/// happen to pass mod-97, such as product SKUs, from being taken for bank accounts.
enum IBANRegistry {
    /// The IBAN length for the country whose ISO 3166 code is `first` `second` (upper-case ASCII),
    /// or nil when the country issues no IBANs.
    static func length(country first: UInt8, _ second: UInt8) -> Int? {
        // "CCnn " entries; scanned linearly, which is fine for the rare candidates that reach here
        // and keeps the table a literal rather than a global dictionary.
        let table: StaticString = """
            AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BL27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22
            DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GF27 GI23 GL18 GP27 GR27 GT28
            HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25
            MC27 MD24 ME22 MF27 MK19 MN20 MQ27 MR27 MT31 MU30 NC27 NI28 NL18 NO15 OM23 PF27 PK24 PL28
            PM27 PS29 PT25 QA29 RE27 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28
            TF27 TL23 TN24 TR26 UA29 VA22 VG24 WF27 XK20 YE30 YT27
            """
        let count = table.utf8CodeUnitCount
        return table.withUTF8Buffer { entries -> Int? in
            var index = 0
            while index + 3 < count {
                let c0 = entries[index]
                guard ByteClass.isUpper(c0) else {
                    index += 1
                    continue
                }
                if c0 == first && entries[index + 1] == second {
                    return Int(entries[index + 2] &- 0x30) * 10 + Int(entries[index + 3] &- 0x30)
                }
                index += 4
            }
            return nil
        }
    }
}
