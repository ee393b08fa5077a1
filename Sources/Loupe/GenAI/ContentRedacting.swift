/// What content capture needs from a redactor; keeps `LoupeCore`'s privacy module behind one
/// small seam (see `ContentCapture+Redactor.swift`).
protocol ContentRedacting: Sendable {
    func redactedText(_ text: String) -> String
}
