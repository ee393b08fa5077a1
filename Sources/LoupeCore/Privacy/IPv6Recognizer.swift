/// Finds IPv6 addresses: eight hex groups, or fewer with one `::`, optionally ending in a dotted
/// IPv4 address and a `%zone`.
///
/// Look-alikes this rejects: times (`12:30:45`, too few groups), MAC addresses (six groups, no
/// `::`), C++/Rust paths (`std::vector`, no hex or no digit), Python slices (`[1::2]`, no group
/// of three or more hex digits), and the bare loopback and unspecified addresses `::1`, `::`,
/// which identify nobody. Mixed-case hex (`Add::Bad1`) is taken for an identifier.
enum IPv6Recognizer {
    /// The address starting at `start` (a hex digit, or the first `:` of a leading `::`), or nil.
    static func recognize(_ text: ScanBuffer, at start: Int) -> Range<Int>? {
        var position = start
        var groups = 0
        var compressed = false
        var sawDigit = false
        var sawLower = false
        var sawUpper = false
        // Some group of three or more hex digits: "1::2" is a Python slice, "fe80::1" an address.
        var sawLongGroup = false

        if text[position] == ByteClass.colon {
            guard text[position + 1] == ByteClass.colon else { return nil }
            compressed = true
            position += 2
        }
        while groups < 8 {
            let groupStart = position
            while ByteClass.isHex(text[position]) && position - groupStart < 5 {
                let b = text[position]
                if position - groupStart == 2 { sawLongGroup = true }
                if ByteClass.isDigit(b) {
                    sawDigit = true
                } else if ByteClass.isUpper(b) {
                    sawUpper = true
                } else {
                    sawLower = true
                }
                position += 1
            }
            let length = position - groupStart
            if length == 0 {
                // Only a compressed address may end right after its `::`.
                guard compressed, text[position - 1] == ByteClass.colon else { return nil }
                break
            }
            if text[position] == ByteClass.dot && groups <= 6,
                let quadEnd = IPv4Recognizer.dottedQuadEnd(text, at: groupStart)
            {
                groups += 2
                position = quadEnd
                sawDigit = true
                sawLongGroup = true
                break
            }
            guard length <= 4 else { return nil }
            groups += 1
            guard text[position] == ByteClass.colon else { break }
            if text[position + 1] == ByteClass.colon {
                guard !compressed else { return nil }
                compressed = true
                position += 2
            } else if ByteClass.isHex(text[position + 1]) {
                position += 1
            } else {
                break
            }
        }

        if compressed {
            guard groups >= 2, groups <= 7 else { return nil }
        } else {
            guard groups == 8 else { return nil }
        }
        guard sawDigit, sawLongGroup, !(sawLower && sawUpper) else { return nil }

        if text[position] == ByteClass.percent && ByteClass.isAlnum(text[position + 1]) {
            position = text.runEnd(from: position + 1) { ByteClass.isAlnum($0) }
        }
        let next = text[position]
        let afterNext = text[position + 1]
        // A colon may end a sentence ("at 2001:db8::1: refused"); one followed by more hex means
        // this was not an address at all.
        guard !ByteClass.isAlnum(next), next != ByteClass.underscore, next != ByteClass.at,
            next != ByteClass.colon || !(ByteClass.isHex(afterNext) || afterNext == ByteClass.colon),
            next != ByteClass.dot || !ByteClass.isAlnum(afterNext)
        else { return nil }
        return start..<position
    }
}
