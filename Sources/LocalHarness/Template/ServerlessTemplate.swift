import Foundation

/// What a local run needs from a SAM template: the functions, the HTTP API's routes to them,
/// the API's CORS configuration and route throttling, and the WebSocket API, if any.
///
/// The template is the single source of routes: every `AWS::Serverless::Function` event of type
/// `HttpApi` becomes a route (`Path` with `{param}` and `{proxy+}`, `Method` including `ANY`; an
/// event with neither is the `$default` route). Parameters take their defaults, `Globals` apply,
/// and values that only a deployment has stay marked as such.
public struct ServerlessTemplate: Sendable {
    /// The functions, ordered by name.
    public var functions: [TemplateFunction]
    public var routes: RouteTable
    /// `nil` when the API has no `CorsConfiguration`.
    public var cors: CORSConfiguration?
    /// The API's `DefaultRouteSettings` throttling; `nil` when it sets none.
    public var routeThrottling: RouteThrottling?
    /// The WebSocket API (`AWS::ApiGatewayV2::Api` with `ProtocolType: WEBSOCKET`); `nil` when there is none.
    public var webSocketAPI: WebSocketAPIDefinition?
    /// Parts of the template that a local run ignores (other event types, say), to tell the user.
    public var warnings: [String]

    public init(contentsOfFile path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TemplateError("cannot read \(path): \(error.localizedDescription)")
        }
        try self.init(yaml: text)
    }

    public init(yaml: String) throws {
        let root = try TemplateNode.parse(yaml: yaml)
        guard root.entries != nil else { throw TemplateError("the template must be a mapping") }
        guard let resources = root["Resources"]?.entries, !resources.isEmpty else {
            throw TemplateError("the template has no Resources")
        }
        var conditions: [String: TemplateNode] = [:]
        for entry in root["Conditions"]?.entries ?? [] { conditions[entry.key] = entry.value }
        var resolver = IntrinsicResolver(
            parameters: try IntrinsicResolver.parameterDefaults(root["Parameters"]),
            resourceIDs: Set(resources.map(\.key)),
            conditions: conditions,
            mappings: root["Mappings"]
        )
        // `!Ref` of a function is its name, which locally is its executable's: the Invoke API's.
        for resource in resources where resource.value["Type"]?.scalar == "AWS::Serverless::Function" {
            let codeURI = try resource.value["Properties"]?["CodeUri"].flatMap {
                try resolver.resolve($0, at: "Resources.\(resource.key).Properties.CodeUri")?.string
            }
            resolver.functionNames[resource.key] = Self.localName(logicalID: resource.key, codeURI: codeURI)
        }
        // Only the settings a local run uses are resolved: the rest of a deployment template
        // (policies, VPC, alarms) may refer to things that need no local meaning.
        let globalFunction = try Self.resolve(
            root["Globals"]?["Function"], keys: ["Timeout", "MemorySize", "Environment"], with: resolver,
            at: "Globals.Function")
        let globalCORS = try root["Globals"]?["HttpApi"]?["CorsConfiguration"].map {
            try resolver.require($0, at: "Globals.HttpApi.CorsConfiguration")
        }
        let globalRouteSettings = try root["Globals"]?["HttpApi"]?["DefaultRouteSettings"].map {
            try resolver.require($0, at: "Globals.HttpApi.DefaultRouteSettings")
        }

        var functions: [TemplateFunction] = []
        var routes: [Route] = []
        var apiIDs: Set<String> = []
        var warnings: [String] = []
        for resource in resources {
            let location = "Resources.\(resource.key)"
            guard resource.value["Type"]?.scalar == "AWS::Serverless::Function" else { continue }
            if let condition = resource.value["Condition"]?.scalar {
                let included = try resolver.require(
                    .intrinsic(name: "Condition", argument: .scalar(condition)), at: "\(location).Condition")
                if included.string == "false" { continue }
            }
            let rawProperties = resource.value["Properties"] ?? .mapping([])
            let properties = try Self.resolve(
                rawProperties, keys: ["CodeUri", "Timeout", "MemorySize", "Environment"], with: resolver,
                at: "\(location).Properties")
            let function = try Self.function(
                logicalID: resource.key, properties: properties, globals: globalFunction, at: location)
            functions.append(function)

            for event in rawProperties["Events"]?.entries ?? [] {
                let eventLocation = "\(location).Properties.Events.\(event.key)"
                let type = try resolver.require(event.value["Type"] ?? .null, at: "\(eventLocation).Type").string
                guard type == "HttpApi" else {
                    warnings.append("\(eventLocation): events of type \(type ?? "?") are not served locally")
                    continue
                }
                let rawEventProperties = event.value["Properties"] ?? .mapping([])
                apiIDs.insert(try Self.apiID(rawEventProperties["ApiId"], at: "\(eventLocation).Properties.ApiId"))
                let eventProperties = try resolver.require(rawEventProperties, at: "\(eventLocation).Properties")
                routes.append(
                    try Self.route(to: function.name, properties: eventProperties, at: "\(eventLocation).Properties"))
            }
        }
        guard apiIDs.count <= 1 else {
            throw TemplateError(
                "routes belong to several HTTP APIs (\(apiIDs.sorted().joined(separator: ", "))); serve runs one")
        }
        var cors: CORSConfiguration?
        var routeThrottling: RouteThrottling?
        if let apiID = apiIDs.first {
            var corsValue = globalCORS
            var routeSettings = globalRouteSettings
            if apiID != Self.implicitAPIID {
                guard let api = resources.first(where: { $0.key == apiID }),
                    api.value["Type"]?.scalar == "AWS::Serverless::HttpApi"
                else {
                    throw TemplateError("ApiId names \(apiID), which is not an AWS::Serverless::HttpApi resource")
                }
                if api.value["Properties"]?["DefinitionBody"] != nil || api.value["Properties"]?["DefinitionUri"] != nil
                {
                    warnings.append("Resources.\(apiID): routes from an OpenAPI definition are not served locally")
                }
                if let apiCORS = api.value["Properties"]?["CorsConfiguration"] {
                    corsValue = try resolver.require(apiCORS, at: "Resources.\(apiID).Properties.CorsConfiguration")
                }
                if let settings = api.value["Properties"]?["DefaultRouteSettings"] {
                    routeSettings = try resolver.require(
                        settings, at: "Resources.\(apiID).Properties.DefaultRouteSettings")
                }
            }
            cors = try corsValue.flatMap { try Self.cors($0, at: "Resources.\(apiID).Properties.CorsConfiguration") }
            routeThrottling = try routeSettings.flatMap {
                try Self.throttling($0, at: "Resources.\(apiID).Properties.DefaultRouteSettings")
            }
        }
        let names = functions.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw TemplateError("two functions are named \(duplicate) (from their CodeUri)")
        }
        self.functions = functions.sorted { $0.name < $1.name }
        self.routes = try RouteTable(routes)
        self.cors = cors
        self.routeThrottling = routeThrottling
        self.webSocketAPI = try WebSocketAPIReader(
            resources: resources, resolver: resolver,
            functionNames: Dictionary(
                functions.map { ($0.logicalID, $0.name) }, uniquingKeysWith: { first, _ in first })
        ).read(warnings: &warnings)
        self.warnings = warnings
    }

    /// The function of that name, if the template has it.
    public func function(named name: String) -> TemplateFunction? {
        functions.first { $0.name == name }
    }

    /// The API that SAM creates for `HttpApi` events that name none.
    static let implicitAPIID = "ServerlessHttpApi"

    /// Resolves some keys of a mapping node into a map value.
    private static func resolve(
        _ node: TemplateNode?, keys: [String], with resolver: IntrinsicResolver, at location: String
    ) throws -> TemplateValue {
        var map: [String: TemplateValue] = [:]
        for key in keys {
            guard let child = node?[key] else { continue }
            map[key] = try resolver.resolve(child, at: "\(location).\(key)")
        }
        return .map(map)
    }

    private static func apiID(_ node: TemplateNode?, at location: String) throws -> String {
        guard let node else { return implicitAPIID }
        guard case .intrinsic("Ref", .scalar(let id)) = node else {
            throw TemplateError("ApiId must be !Ref to an AWS::Serverless::HttpApi resource", at: location)
        }
        return id
    }

    /// A function's local name: the last folder of its `CodeUri`, else its logical id less `Function`.
    private static func localName(logicalID: String, codeURI: String?) -> String {
        if let folder = codeURI?.split(separator: "/").last(where: { $0 != "." && !$0.isEmpty }) {
            return String(folder)
        }
        if logicalID.hasSuffix("Function"), logicalID.count > "Function".count {
            return String(logicalID.dropLast("Function".count))
        }
        return logicalID
    }

    private static func function(
        logicalID: String, properties: TemplateValue, globals: TemplateValue?, at location: String
    ) throws -> TemplateFunction {
        let name = localName(logicalID: logicalID, codeURI: properties["CodeUri"]?.string)
        let timeout = try integer(
            properties["Timeout"] ?? globals?["Timeout"], in: 1...900, at: "\(location).Properties.Timeout")
        let memory = try integer(
            properties["MemorySize"] ?? globals?["MemorySize"], in: 128...10240,
            at: "\(location).Properties.MemorySize")

        var environment: [String: String] = [:]
        var deployedOnly: [String: String] = [:]
        let globalVariables = globals?["Environment"]?["Variables"]?.map ?? [:]
        let ownVariables = properties["Environment"]?["Variables"]?.map ?? [:]
        for (variable, value) in globalVariables.merging(ownVariables, uniquingKeysWith: { $1 }) {
            switch value {
            case .string(let text): environment[variable] = text
            case .null: environment[variable] = ""
            case .unresolved(let description): deployedOnly[variable] = description
            case .list, .map:
                guard !value.isResolved else {
                    throw TemplateError(
                        "environment variable \(variable) must be a string",
                        at: "\(location).Properties.Environment.Variables")
                }
                deployedOnly[variable] = value.summary
            }
        }
        return TemplateFunction(
            logicalID: logicalID,
            name: name,
            timeout: timeout.map { .seconds($0) } ?? TemplateFunction.defaultTimeout,
            memorySizeMB: memory ?? TemplateFunction.defaultMemorySizeMB,
            environment: environment,
            deployedOnlyEnvironment: deployedOnly
        )
    }

    private static func route(to functionName: String, properties: TemplateValue, at location: String) throws
        -> Route
    {
        if let version = properties["PayloadFormatVersion"]?.string, version != "2.0" {
            throw TemplateError("payload format \(version) is not served locally; use 2.0", at: location)
        }
        let timeout: Duration
        if let milliseconds = try integer(
            properties["TimeoutInMillis"], in: 50...30000, at: "\(location).TimeoutInMillis")
        {
            timeout = .milliseconds(milliseconds)
        } else {
            timeout = Route.maximumIntegrationTimeout
        }
        let path = properties["Path"]
        let method = properties["Method"]
        if path == nil && method == nil {
            return Route(defaultRouteTo: functionName, integrationTimeout: timeout)
        }
        guard let pathText = path?.string else {
            throw TemplateError("Path must be a string such as /api/charts/{id}", at: "\(location).Path")
        }
        guard var methodText = method?.string?.uppercased() else {
            throw TemplateError("Method must be GET, POST, ... or ANY", at: "\(location).Method")
        }
        if methodText == "X-AMAZON-APIGATEWAY-ANY-METHOD" { methodText = "ANY" }
        let methods: Set = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]
        guard methods.contains(methodText) else {
            throw TemplateError("Method \(methodText) is not one API Gateway accepts", at: "\(location).Method")
        }
        let routePath: RoutePath
        do {
            routePath = try RoutePath(pathText)
        } catch let error as TemplateError {
            throw TemplateError(error.message, at: "\(location).Path")
        }
        return Route(method: methodText, path: routePath, functionName: functionName, integrationTimeout: timeout)
    }

    private static func cors(_ value: TemplateValue, at location: String) throws -> CORSConfiguration? {
        guard value.isResolved else {
            throw TemplateError("\(value.summary) is known only to a deployment", at: location)
        }
        if let flag = value.string {
            guard flag == "true" else { return nil }
            return CORSConfiguration(allowOrigins: ["*"], allowMethods: ["*"], allowHeaders: ["*"])
        }
        guard value.map != nil else {
            throw TemplateError("CorsConfiguration must be a mapping or a boolean", at: location)
        }
        func strings(_ key: String) throws -> [String] {
            switch value[key] {
            case nil, .null: return []
            case .string(let single): return [single]
            case .list(let items):
                return try items.map { item in
                    guard let text = item.string else { throw TemplateError("\(key) must list strings", at: location) }
                    return text
                }
            default: throw TemplateError("\(key) must be a list of strings", at: location)
            }
        }
        let credentials = value["AllowCredentials"]?.string
        guard credentials == nil || credentials == "true" || credentials == "false" else {
            throw TemplateError("AllowCredentials must be true or false", at: location)
        }
        return CORSConfiguration(
            allowOrigins: try strings("AllowOrigins"),
            allowMethods: try strings("AllowMethods"),
            allowHeaders: try strings("AllowHeaders"),
            exposeHeaders: try strings("ExposeHeaders"),
            maxAge: try integer(value["MaxAge"], in: -1...86400, at: "\(location).MaxAge"),
            allowCredentials: credentials == "true"
        )
    }

    /// `ThrottlingBurstLimit` and `ThrottlingRateLimit`; `nil` when neither is set. API Gateway
    /// takes an unset one as its account's limit, which no local run reaches.
    private static func throttling(_ value: TemplateValue, at location: String) throws -> RouteThrottling? {
        let burst = try integer(
            value["ThrottlingBurstLimit"], in: 0...Int(Int32.max), at: "\(location).ThrottlingBurstLimit")
        let rateLocation = "\(location).ThrottlingRateLimit"
        var rate: Double?
        if let rateValue = value["ThrottlingRateLimit"], rateValue != .null {
            guard let text = rateValue.string, let number = Double(text), number >= 0, number.isFinite else {
                throw TemplateError(
                    "expected a number of requests a second, found \(rateValue.summary)", at: rateLocation)
            }
            rate = number
        }
        guard burst != nil || rate != nil else { return nil }
        return RouteThrottling(burstLimit: burst ?? Int(Int32.max), rateLimit: rate ?? .infinity)
    }

    private static func integer(_ value: TemplateValue?, in range: ClosedRange<Int>, at location: String) throws
        -> Int?
    {
        guard let value, value != .null else { return nil }
        guard let text = value.string, let number = Int(text) else {
            throw TemplateError("expected a whole number, found \(value.summary)", at: location)
        }
        guard range.contains(number) else {
            throw TemplateError("\(number) is outside \(range.lowerBound)...\(range.upperBound)", at: location)
        }
        return number
    }
}
