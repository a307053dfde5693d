import Foundation

/// Wall-clock time, for the deadlines the Runtime API states in Unix milliseconds.
enum WallClock {
    static func milliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
