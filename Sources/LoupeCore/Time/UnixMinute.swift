/// Whole minutes since the epoch, the unit of Loupe's rollups.
public enum UnixMinute {
    public static let nanos: Int64 = 60_000_000_000

    /// The minute `nanos` falls in (rounding down, also before 1970).
    public static func containing(nanos value: Int64) -> Int64 {
        floorDivide(value, nanos)
    }

    /// Integer division rounding towards minus infinity, unlike Swift's `/`.
    public static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
