#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one JSON configuration for responses: compact, slashes unescaped.
enum JSONCoding {
    /// Shared by every response of the environment (JSONEncoder is thread-safe once configured).
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Sorted keys make equal answers byte-identical (a failed login must not reveal which check failed).
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
