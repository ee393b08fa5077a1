import LoupeStore
import Testing

struct RollupKeyTests {
    static let base = RollupKey(
        grain: .core, minute: 100, project: "acme", service: "rag", operation: "llm", provider: "openai", model: "gpt-4o",
        status: "ok", errorCategory: "", user: "", business: ""
    )

    /// Keys that differ in any one field are different rows, whatever their cached hashes.
    @Test func keysDifferingInAnyFieldAreDistinct() {
        let variants = [
            Self.base.with(grain: .business), Self.base.with(grain: .core, minute: 101),
            Self.base.with(grain: .core, business: "business_unit=sales"),
            RollupKey(grain: .core, minute: 100, project: "other", service: "rag", operation: "llm", provider: "openai", model: "gpt-4o", status: "ok"),
            RollupKey(grain: .core, minute: 100, project: "acme", service: "rag", operation: "llm", provider: "openai", model: "gpt-4o-mini", status: "ok"),
            RollupKey(grain: .core, minute: 100, project: "acme", service: "rag", operation: "llm", provider: "openai", model: "gpt-4o", status: "error"),
            RollupKey(grain: .core, minute: 100, project: "acme", service: "rag", operation: "llm", provider: "openai", model: "gpt-4o", status: "ok", user: "u1"),
        ]
        var rows: [RollupKey: Int] = [Self.base: 0]
        for (i, key) in variants.enumerated() {
            #expect(key != Self.base)
            rows[key] = i + 1
        }
        #expect(rows.count == variants.count + 1)
        #expect(rows[Self.base.with(grain: .core)] == 0)
    }
}
