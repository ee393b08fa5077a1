/// Finds which of a fixed set of phrases occur in a text, in one pass over its UTF-8 bytes, ignoring
/// ASCII case (an Aho–Corasick automaton compiled to a table).
///
/// The classifier has a few hundred phrases to look for in every failed span's message. Searching
/// for each one separately costs a pass per phrase; the automaton costs one table lookup per byte
/// however many phrases there are, and allocates nothing while scanning.
struct PhraseMatcher: Sendable {
    /// Phrases as given (lower-cased by the caller), indexed by phrase id.
    let phrases: [[UInt8]]
    /// Byte → column in the transition table; upper-case ASCII shares its lower-case column.
    private let column: [UInt8]
    private let columnCount: Int
    /// `state * columnCount + column` → next state.
    private let transitions: [Int32]
    /// Phrase ids ending at each state: `outputs[outputStart[s] ..< outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    /// Whether any phrase has non-ASCII bytes; such phrases only match text that was lower-cased
    /// with Unicode rules first, which the caller then has to do.
    let hasNonASCIIPhrases: Bool

    init(phrases: [[UInt8]]) {
        self.phrases = phrases
        hasNonASCIIPhrases = phrases.contains { $0.contains { $0 >= 0x80 } }

        // Columns: one per distinct byte used by a phrase, plus column 0 for every other byte.
        var column = [UInt8](repeating: 0, count: 256)
        var next = 1
        for phrase in phrases {
            for byte in phrase.map(Self.foldASCII) where column[Int(byte)] == 0 {
                column[Int(byte)] = UInt8(next)
                next += 1
            }
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { column[Int(upper)] = column[Int(upper | 0x20)] }
        let columnCount = next
        self.column = column
        self.columnCount = columnCount

        // The trie, with -1 for "no edge".
        var transitions = [Int32](repeating: -1, count: columnCount)
        var terminal: [[Int32]] = [[]]
        for (id, phrase) in phrases.enumerated() where !phrase.isEmpty {
            var state = 0
            for byte in phrase {
                let slot = state * columnCount + Int(column[Int(Self.foldASCII(byte))])
                if transitions[slot] < 0 {
                    transitions[slot] = Int32(terminal.count)
                    terminal.append([])
                    transitions.append(contentsOf: repeatElement(-1, count: columnCount))
                }
                state = Int(transitions[slot])
            }
            terminal[state].append(Int32(id))
        }

        // Breadth-first: fill missing edges from the failure state, so scanning never backtracks,
        // and inherit the failure state's outputs (a phrase that ends inside a longer one).
        let stateCount = terminal.count
        var failure = [Int](repeating: 0, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for c in 0..<columnCount {
            let target = transitions[c]
            if target < 0 {
                transitions[c] = 0
            } else {
                failure[Int(target)] = 0
                queue.append(Int(target))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            terminal[state].append(contentsOf: terminal[failure[state]])
            for c in 0..<columnCount {
                let slot = state * columnCount + c
                let target = transitions[slot]
                let fallback = transitions[failure[state] * columnCount + c]
                if target < 0 {
                    transitions[slot] = fallback
                } else {
                    failure[Int(target)] = Int(fallback)
                    queue.append(Int(target))
                }
            }
        }

        var outputStart: [Int32] = []
        outputStart.reserveCapacity(stateCount + 1)
        var outputs: [Int32] = []
        for ids in terminal {
            outputStart.append(Int32(outputs.count))
            outputs.append(contentsOf: Set(ids).sorted())
        }
        outputStart.append(Int32(outputs.count))
        self.transitions = transitions
        self.outputStart = outputStart
        self.outputs = outputs
    }

    /// Calls `found(phraseId, endOffset)` for every occurrence of every phrase in `text`.
    func scan(_ text: UnsafeBufferPointer<UInt8>, _ found: (Int, Int) -> Void) {
        guard phrases.count > 0 else { return }
        var state = 0
        for (offset, byte) in text.enumerated() {
            state = Int(transitions[state * columnCount + Int(column[Int(byte)])])
            let start = Int(outputStart[state])
            let end = Int(outputStart[state + 1])
            if start < end {
                for k in start..<end { found(Int(outputs[k]), offset + 1) }
            }
        }
    }

    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

/// A fixed-size set of phrase ids, as bits.
struct PhraseSet {
    private var words: [UInt64]

    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    mutating func insert(_ id: Int) {
        words[id >> 6] |= 1 << UInt64(id & 63)
    }

    func contains(_ id: Int) -> Bool {
        words[id >> 6] & (1 << UInt64(id & 63)) != 0
    }
}
