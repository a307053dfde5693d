import Foundation

/// Reads the template's WebSocket API: the `AWS::ApiGatewayV2::Api` with `ProtocolType:
/// WEBSOCKET`, and the `Route`, `Integration`, `RouteResponse` and `Stage` resources that name it.
///
/// Resources point at each other with `!Ref`, `!GetAtt` and `!Sub` (a route's `Target` is
/// `integrations/<Integration>`, an integration's `IntegrationUri` holds the function's `Arn`),
/// whose values only a deployment has; so the reader follows the logical ids they name.
struct WebSocketAPIReader {
    var resources: [TemplateNode.Entry]
    var resolver: IntrinsicResolver
    /// Function names by the functions' logical ids.
    var functionNames: [String: String]

    /// The API, or `nil` when the template has no WebSocket API.
    func read(warnings: inout [String]) throws -> WebSocketAPIDefinition? {
        let apis = try resources(ofType: "AWS::ApiGatewayV2::Api").filter { api in
            let location = "Resources.\(api.key).Properties.ProtocolType"
            return try resolver.require(api.value["Properties"]?["ProtocolType"] ?? .null, at: location).string
                == "WEBSOCKET"
        }
        guard let api = apis.first else { return nil }
        guard apis.count == 1 else {
            throw TemplateError(
                "the template has several WebSocket APIs (\(apis.map(\.key).joined(separator: ", "))); serve runs one")
        }
        let apiLocation = "Resources.\(api.key).Properties"
        guard
            let expression = try resolver.require(
                api.value["Properties"]?["RouteSelectionExpression"] ?? .null,
                at: "\(apiLocation).RouteSelectionExpression"
            ).string
        else {
            throw TemplateError("a WebSocket API needs a RouteSelectionExpression", at: apiLocation)
        }

        let integrations = try integrations(of: api.key, warnings: &warnings)
        let answeredRoutes = Set(
            resources(ofType: "AWS::ApiGatewayV2::RouteResponse", of: api.key).flatMap {
                references(in: $0.value["Properties"]?["RouteId"] ?? .null)
            })
        var routes: [WebSocketRoute] = []
        for route in resources(ofType: "AWS::ApiGatewayV2::Route", of: api.key) {
            let location = "Resources.\(route.key).Properties"
            let properties = route.value["Properties"] ?? .mapping([])
            guard let key = try resolver.require(properties["RouteKey"] ?? .null, at: "\(location).RouteKey").string
            else {
                throw TemplateError("a route needs a RouteKey", at: location)
            }
            let targets = references(in: properties["Target"] ?? .null).compactMap { integrations[$0] }
            guard let integration = targets.first else {
                warnings.append("\(location).Target: route \(key) has no Lambda proxy integration; not served locally")
                continue
            }
            routes.append(
                WebSocketRoute(
                    key: key, functionName: integration.functionName, integrationTimeout: integration.timeout,
                    hasRouteResponse: answeredRoutes.contains(route.key)))
        }

        let stages = resources(ofType: "AWS::ApiGatewayV2::Stage", of: api.key)
        let stageName = try stages.first.flatMap { stage in
            try resolver.require(
                stage.value["Properties"]?["StageName"] ?? .null, at: "Resources.\(stage.key).Properties.StageName"
            ).string
        }
        return WebSocketAPIDefinition(
            logicalID: api.key, routeSelectionExpression: expression, routes: routes, stageName: stageName)
    }

    private struct Integration {
        var functionName: String
        var timeout: Duration
    }

    /// The API's Lambda proxy integrations by logical id.
    private func integrations(of apiID: String, warnings: inout [String]) throws -> [String: Integration] {
        var integrations: [String: Integration] = [:]
        for integration in resources(ofType: "AWS::ApiGatewayV2::Integration", of: apiID) {
            let location = "Resources.\(integration.key).Properties"
            let properties = integration.value["Properties"] ?? .mapping([])
            let type = try resolver.require(properties["IntegrationType"] ?? .null, at: "\(location).IntegrationType")
            guard type.string == "AWS_PROXY",
                let function = references(in: properties["IntegrationUri"] ?? .null).compactMap({ functionNames[$0] })
                    .first
            else {
                warnings.append("\(location): only AWS_PROXY integrations with a function of the template are served")
                continue
            }
            var timeout = WebSocketRoute.maximumIntegrationTimeout
            if let value = properties["TimeoutInMillis"] {
                let text = try resolver.require(value, at: "\(location).TimeoutInMillis").string
                guard let milliseconds = text.flatMap({ Int($0) }), (50...29_000).contains(milliseconds) else {
                    throw TemplateError("expected 50 to 29000 milliseconds", at: "\(location).TimeoutInMillis")
                }
                timeout = .milliseconds(milliseconds)
            }
            integrations[integration.key] = Integration(functionName: function, timeout: timeout)
        }
        return integrations
    }

    /// The resources of a type; with `apiID`, only those whose `ApiId` names that API.
    private func resources(ofType type: String, of apiID: String? = nil) -> [TemplateNode.Entry] {
        resources.filter { resource in
            guard resource.value["Type"]?.scalar == type else { return false }
            guard let apiID else { return true }
            return references(in: resource.value["Properties"]?["ApiId"] ?? .null).contains(apiID)
        }
    }

    /// The logical ids a value names: `!Ref X`, `!GetAtt X.Arn`, `${X}` and `${X.Arn}` in `!Sub`,
    /// and `integrations/X` written out in a `!Join` or a plain string.
    private func references(in node: TemplateNode) -> [String] {
        switch node {
        case .null:
            return []
        case .scalar(let text):
            return text.hasPrefix("integrations/") ? [String(text.dropFirst("integrations/".count))] : []
        case .sequence(let items):
            return items.flatMap(references(in:))
        case .mapping(let entries):
            return entries.flatMap { references(in: $0.value) }
        case .intrinsic("Ref", .scalar(let name)):
            return [name]
        case .intrinsic("Fn::GetAtt", _):
            return node.attribute.map { [String($0.prefix { $0 != "." })] } ?? []
        case .intrinsic("Fn::Sub", let argument):
            let template = argument.scalar ?? argument.items?.first?.scalar ?? ""
            return Self.substitutedNames(in: template) + (argument.items?.dropFirst().flatMap(references(in:)) ?? [])
        case .intrinsic(_, let argument):
            return references(in: argument)
        }
    }

    /// `X` of every `${X}` and `${X.Attribute}` in a `!Sub` template, `${!Literal}` left out.
    private static func substitutedNames(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            let name = rest[start.upperBound..<end]
            if !name.hasPrefix("!") { names.append(String(name.prefix { $0 != "." })) }
            rest = rest[rest.index(after: end)...]
        }
        return names
    }
}
