import Loupe
import LoupeTesting
import Testing

struct SeededIDGeneratorTests {
    @Test func sameSeedGivesSameIDs() {
        let a = SeededIDGenerator(seed: 7)
        let b = SeededIDGenerator(seed: 7)
        #expect((0..<5).map { _ in a.makeTraceID() } == (0..<5).map { _ in b.makeTraceID() })
        #expect(a.makeSpanID() == b.makeSpanID())
    }

    @Test func idsAreValidAndDistinct() {
        let generator = SeededIDGenerator()
        let ids = (0..<1_000).map { _ in generator.makeSpanID() }
        #expect(ids.allSatisfy { $0.isValid })
        #expect(Set(ids).count == ids.count)
    }
}
