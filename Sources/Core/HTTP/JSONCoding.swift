#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one JSON configuration for responses: compact, slashes unescaped.
enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        // Sorted keys make equal answers byte-identical (a failed login must not reveal which check failed).
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
