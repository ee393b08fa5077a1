/// ASCII byte classification for the scanner.
///
/// Plain comparisons rather than a lookup table: a table would be a global, and these compile to
/// one or two subtractions and compares, which is all the hot loop can afford. Bytes ≥ 0x80
/// (UTF-8 lead and continuation bytes) are never word characters, so PII written right next to
/// an emoji or an accented letter is still found, and a match never splits a scalar.
enum ByteClass {
    static let space: UInt8 = 0x20
    static let plus: UInt8 = 0x2B  // +
    static let comma: UInt8 = 0x2C  // ,
    static let dash: UInt8 = 0x2D  // -
    static let dot: UInt8 = 0x2E  // .
    static let slash: UInt8 = 0x2F  // /
    static let colon: UInt8 = 0x3A  // :
    static let equals: UInt8 = 0x3D  // =
    static let at: UInt8 = 0x40  // @
    static let underscore: UInt8 = 0x5F  // _
    static let openParen: UInt8 = 0x28  // (
    static let closeParen: UInt8 = 0x29  // )
    static let percent: UInt8 = 0x25  // %
    static let backslash: UInt8 = 0x5C  // \
    static let tilde: UInt8 = 0x7E  // ~
    static let quote: UInt8 = 0x22  // "
    static let apostrophe: UInt8 = 0x27  // '

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }

    /// Lower-cases an ASCII letter; other bytes unchanged.
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// Characters of URL-safe and standard base64, the alphabet of most tokens.
    @inline(__always) static func isTokenCharacter(_ b: UInt8) -> Bool {
        isAlnum(b) || b == dash || b == underscore || b == plus || b == slash
    }

    /// Whitespace that may sit between a keyword and its value.
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == space || b == 0x09 }
}
