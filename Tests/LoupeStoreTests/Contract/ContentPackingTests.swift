import Foundation
import LoupeCore
import LoupeStore
import Testing

struct ContentPackingTests {
    func pack(_ text: String) -> [UInt8]? {
        var packer = ContentPacking.Packer()
        return packer.pack(text)
    }

    @Test func shortTextIsNotPacked() {
        #expect(pack("{\"k\":\"v\"}") == nil)
        #expect(pack(String(repeating: "x", count: ContentPacking.threshold - 1)) == nil)
    }

    @Test func proseRoundTripsAtAFractionOfItsSize() throws {
        let prose = String(repeating: "the refund policy covers orders shipped in the last thirty days; ", count: 20)
        let packed = try #require(pack(prose))
        #expect(packed.count * 5 < prose.utf8.count)
        #expect(ContentPacking.unpack(packed) == prose)
    }

    @Test func textThatDoesNotShrinkIsLeftAlone() {
        var generator = SystemRandomNumberGenerator()
        let noise = String((0..<2_000).map { _ in Character(Unicode.Scalar(UInt8.random(in: 33...126, using: &generator))) })
        // Printable noise still shrinks a little; what matters is that a packed value always gains.
        if let packed = pack(noise) { #expect(packed.count < noise.utf8.count) }
    }

    @Test func damagedOrUnknownValuesUnpackToNil() {
        #expect(ContentPacking.unpack([UInt8]()) == nil)
        #expect(ContentPacking.unpack([7, 1, 2, 3]) == nil)  // another format
        #expect(ContentPacking.unpack([1, 0xde, 0xad, 0xbe, 0xef]) == nil)
    }

    @Test func aSpanTextPacksOnlyWhenAsked() {
        let prose = String(repeating: "context about the customer's last order and its delivery ", count: 20)
        let span = SpanRecord(
            traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "0000000000000001", project: "acme", service: "rag", name: "chat",
            operation: .llm, startNanos: 0, endNanos: 1, attributes: ["input.value": .string(prose)])
        let plain = SpanText.encode([span])[0]
        #expect(!plain.isPacked && plain.packedAttributes == nil)
        let packed = SpanText.encode([span], packing: true)[0]
        #expect(packed.isPacked && packed.packedEvents == nil)  // no events: nothing to gain
        #expect(packed.packedAttributes.flatMap { ContentPacking.unpack($0) } == plain.attributes)
    }
}
