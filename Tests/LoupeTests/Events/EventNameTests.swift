import Loupe
import LoupeTesting
import Testing

struct EventNameTests {
    @Test func prefixMatchesWholeSegmentsOnly() {
        let name: EventName = "loupe.llm.call.stop"
        #expect(name.hasPrefix("loupe.llm"))
        #expect(name.hasPrefix("loupe.llm.call.stop"))
        #expect(!name.hasPrefix("loupe.ll"))
        #expect(!EventName("loupe.llmx").hasPrefix("loupe.llm"))
    }

    @Test func emptyNameIsPrefixOfEveryName() {
        #expect(EventName("any.thing").hasPrefix(EventName("")))
    }

    @Test func spanEventsAppendOneSegment() {
        #expect(EventName.llmCall.start == "loupe.llm.call.start")
        #expect(EventName.llmCall.stop == "loupe.llm.call.stop")
        #expect(EventName.llmCall.exception == "loupe.llm.call.exception")
        #expect(EventName("").appending("root") == "root")
    }

    @Test func segmentsSplitOnDots() {
        #expect(EventName(segments: ["a", "b", "c"]) == "a.b.c")
        #expect(EventName("a.b.c").segments == ["a", "b", "c"])
    }
}
