/// Why ``ReproCapture`` wrote no reproduction for a failure.
public enum ReproCaptureError: Error, Sendable, Hashable {
    /// Even with every message emptied, the reproduction is larger than the configured maximum.
    case tooLarge(bytes: Int, maximum: Int)
}
