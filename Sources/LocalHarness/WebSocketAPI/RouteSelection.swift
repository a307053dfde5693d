import Foundation

extension WebSocketAPIDefinition {
    /// The route a text message goes to, as API Gateway selects it: the value of the route
    /// selection expression (`$request.body.action`) when the message is a JSON object and a
    /// route has that key, `$default` otherwise; `nil` when neither route exists.
    public func route(forMessage text: String) -> WebSocketRoute? {
        if let key = selectedKey(in: text), let route = routes[key], !key.hasPrefix("$") {
            return route
        }
        return routes["$default"]
    }

    /// The value the expression selects from the message, if it names a string member.
    private func selectedKey(in text: String) -> String? {
        let prefix = "$request.body."
        var expression = routeSelectionExpression
        // API Gateway accepts the expression with or without `${...}` around it.
        if expression.hasPrefix("${"), expression.hasSuffix("}") {
            expression = String(expression.dropFirst(2).dropLast())
        }
        guard expression.hasPrefix(prefix),
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        else { return nil }
        var value: Any? = object
        for member in expression.dropFirst(prefix.count).split(separator: ".") {
            value = (value as? [String: Any])?[String(member)]
        }
        return value as? String
    }
}
