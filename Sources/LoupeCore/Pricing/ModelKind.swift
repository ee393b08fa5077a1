/// What a priced model does, so analytics can compare like with like (a chat model is never a
/// cheaper substitute for an embedding model).
public enum ModelKind: String, Sendable, Hashable, Codable, CaseIterable {
    case chat
    case embedding
    case rerank
}
