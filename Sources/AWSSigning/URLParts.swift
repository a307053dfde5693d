/// The pieces of an absolute `http` or `https` URL that a signature depends on.
struct URLParts: Hashable {
    /// `host` or `host:port`, as written in the URL.
    var authority: String
    var path: String
    var query: String

    init?(_ url: String) {
        let rest: Substring
        if url.lowercased().hasPrefix("https://") {
            rest = url.dropFirst("https://".count)
        } else if url.lowercased().hasPrefix("http://") {
            rest = url.dropFirst("http://".count)
        } else {
            return nil
        }
        // A fragment never reaches the server.
        let target = rest.prefix { $0 != "#" }
        let authorityEnd = target.firstIndex { $0 == "/" || $0 == "?" } ?? target.endIndex
        let authority = target[..<authorityEnd]
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        let pathAndQuery = target[authorityEnd...]
        let queryStart = pathAndQuery.firstIndex(of: "?")
        let path = pathAndQuery[..<(queryStart ?? pathAndQuery.endIndex)]
        self.authority = String(authority)
        self.path = path.isEmpty ? "/" : String(path)
        self.query = queryStart.map { String(pathAndQuery[pathAndQuery.index(after: $0)...]) } ?? ""
    }
}
