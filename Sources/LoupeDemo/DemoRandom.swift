/// A seeded generator (SplitMix64) so a demo run can be replayed exactly.
public struct DemoRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// A log-normal-ish duration around `median` milliseconds.
    mutating func latency(median: Double, spread: Double = 0.5) -> Int64 {
        let u = Double.random(in: 0.0001..<1, using: &self)
        let v = Double.random(in: 0.0001..<1, using: &self)
        let normal = (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        return Int64(median * exp(spread * normal) * 1_000_000)
    }

    mutating func hexID(bytes: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<bytes * 2).map { _ in digits[Int(next() & 0xF)] })
    }
}

import Foundation
