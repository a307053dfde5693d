/// Reads the elements of a one-dimensional array in PostgreSQL's text output format.
enum SQLArrayLiteral {
    /// The elements of `text` (`nil` for an unquoted NULL), or `nil` when it is not a
    /// one-dimensional array literal.
    static func elements(of text: String) -> [String?]? {
        var characters = Substring(text)
        // A lower bound other than 1 comes first as `[0:2]=`.
        if characters.first == "[" {
            guard let equals = characters.firstIndex(of: "=") else { return nil }
            characters = characters[characters.index(after: equals)...]
        }
        guard characters.first == "{", characters.last == "}" else { return nil }
        characters = characters.dropFirst().dropLast()
        var elements: [String?] = []
        guard !characters.isEmpty else { return elements }
        var index = characters.startIndex
        while true {
            var element = ""
            var quoted = false
            if characters[index...].first == "\"" {
                quoted = true
                index = characters.index(after: index)
                while true {
                    guard index < characters.endIndex else { return nil }
                    var character = characters[index]
                    if character == "\"" { break }
                    if character == "\\" {
                        index = characters.index(after: index)
                        guard index < characters.endIndex else { return nil }
                        character = characters[index]
                    }
                    element.append(character)
                    index = characters.index(after: index)
                }
                index = characters.index(after: index)
            } else {
                while index < characters.endIndex, characters[index] != "," {
                    let character = characters[index]
                    // A nested array or a stray quote: not one dimension.
                    if character == "{" || character == "\"" { return nil }
                    element.append(character)
                    index = characters.index(after: index)
                }
            }
            elements.append(!quoted && element == "NULL" ? nil : element)
            guard index < characters.endIndex else { return elements }
            guard characters[index] == "," else { return nil }
            index = characters.index(after: index)
        }
    }
}
