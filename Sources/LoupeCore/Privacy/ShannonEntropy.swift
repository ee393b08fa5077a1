import Foundation

/// Shannon entropy of a byte string, in bits per byte.
///
/// Used to tell random tokens (keys, session ids) from long but ordinary words and identifiers:
/// a random base62 string of 32 characters scores about 4.5 bits, an English identifier of the
/// same length around 3.5–4.
enum ShannonEntropy {
    /// Entropy of the bytes in `bytes[range]`; 0 for an empty range.
    static func bitsPerByte(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double {
        let count = range.count
        guard count > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 256) { histogram in
            histogram.initialize(repeating: 0)
            for index in range {
                histogram[Int(bytes[index])] &+= 1
            }
            let total = Double(count)
            var bits = 0.0
            for frequency in histogram where frequency > 0 {
                let p = Double(frequency) / total
                bits -= p * log2(p)
            }
            return bits
        }
    }

    /// Entropy of the UTF-8 bytes of `text`.
    static func bitsPerByte(_ text: String) -> Double {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { bitsPerByte($0, 0..<$0.count) }
    }
}
