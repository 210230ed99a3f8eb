import KGraphRender
import Testing

@Suite struct DrawLimitTests {
    @Test func bigPicturesAreRefusedWithoutAnEngine() {
        #expect(LayoutEngine.refusal(entities: 2_000, edges: 4_000) == nil)
        #expect(LayoutEngine.refusal(entities: LayoutEngine.drawLimit.entities, edges: LayoutEngine.drawLimit.edges) == nil)
        let advice = LayoutEngine.refusal(entities: 100_000, edges: 950_000)
        #expect(advice?.contains("100000 entities and 950000 edges are too many to draw") == true)
        #expect(advice?.contains("--engine sfdp") == true)
        #expect(LayoutEngine.refusal(entities: 300, edges: LayoutEngine.drawLimit.edges + 1) != nil)
    }
}
