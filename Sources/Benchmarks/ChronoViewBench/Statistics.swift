/// Order statistics of a sample; nearest-rank percentiles, so every figure is a measured value.
struct Distribution: Codable, Sendable {
    var count: Int
    var min: Double
    var median: Double
    var p95: Double
    var p99: Double
    var max: Double

    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func rank(_ percent: Double) -> Double {
            let index = Int((percent / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        count = sorted.count
        min = sorted[0]
        median = rank(50)
        p95 = rank(95)
        p99 = rank(99)
        max = sorted[sorted.count - 1]
    }
}

/// Formats a figure for the table: `-` when missing.
func formatted(_ value: Double?, digits: Int = 1) -> String {
    guard let value else { return "-" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if digits == 0 { return String(Int(rounded)) }
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
    }
    return text
}

/// A ratio of ours to the floor's, as `1.23x`.
func ratio(_ ours: Double?, _ floor: Double?) -> String {
    guard let ours, let floor, floor > 0 else { return "-" }
    return formatted(ours / floor, digits: 2) + "x"
}

/// Pads columns to a fixed width so the table lines up in a terminal and in BENCHMARKS.md.
func row(_ cells: [String], widths: [Int]) -> String {
    var line = ""
    for (index, cell) in cells.enumerated() {
        let width = index < widths.count ? widths[index] : 12
        let padding = Swift.max(0, width - cell.count)
        line +=
            index == 0 ? cell + String(repeating: " ", count: padding) : String(repeating: " ", count: padding) + cell
        if index < cells.count - 1 { line += " " }
    }
    return line
}
