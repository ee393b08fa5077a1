import GRDB
import LoupeStore

/// Reads a span's attributes or events as stored: a BLOB packed by ``ContentPacking``, or text.
/// A TEXT column keeps a BLOB as it is, so rows written as text before packing existed read unchanged.
enum PackedText {
    /// The text of a stored value; nil for NULL or a value that does not unpack.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): return text
        case .blob(let data): return ContentPacking.unpack(data)
        default: return nil
        }
    }
}
