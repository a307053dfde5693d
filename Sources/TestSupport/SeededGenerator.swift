/// SplitMix64: a tiny generator whose sequence depends only on its seed, so that every property
/// test (and benchmark) draws the same cases on every machine and a failure names the seed that
/// reproduces it.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One of `choices`.
    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &self)]
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &self) < percent
    }

    /// A length that lands on and around the interesting `boundaries` more often than chance would.
    public mutating func length(near boundaries: [Int], upTo maximum: Int) -> Int {
        if chance(60) {
            let boundary = pick(boundaries)
            return max(0, min(maximum, boundary + Int.random(in: -2...2, using: &self)))
        }
        return Int.random(in: 0...maximum, using: &self)
    }
}
