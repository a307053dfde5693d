import LocalHarness
import Testing

@Suite struct RouteMatchingTests {
    static func route(_ method: String, _ path: String, to function: String) throws -> Route {
        Route(method: method, path: try RoutePath(path), functionName: function)
    }

    /// The example of API Gateway's developer guide: exact route, then variable, then greedy,
    /// then `ANY`, then `$default`.
    static let table = try! RouteTable([
        route("GET", "/pets/dog/1", to: "exact"),
        route("GET", "/pets/dog/{id}", to: "variable"),
        route("GET", "/pets/{proxy+}", to: "greedy"),
        route("ANY", "/{proxy+}", to: "anyGreedy"),
        Route(defaultRouteTo: "default"),
    ])

    @Test(arguments: [
        ("GET", "/pets/dog/1", "exact"),
        ("GET", "/pets/dog/2", "variable"),
        ("GET", "/pets/cat/1", "greedy"),
        ("POST", "/pets/dog/1", "anyGreedy"),
        ("GET", "/", "default"),
    ])
    func followsAPIGatewaysPriorities(_ method: String, _ path: String, _ function: String) {
        #expect(Self.table.match(method: method, rawPath: path)?.route.functionName == function)
    }

    @Test func literalBeatsVariableAndMethodBeatsAny() throws {
        let table = try RouteTable([
            Self.route("ANY", "/api/charts/{id}", to: "anyVariable"),
            Self.route("GET", "/api/charts/{id}", to: "getVariable"),
            Self.route("GET", "/api/charts/export", to: "literal"),
            Self.route("ANY", "/api/{proxy+}", to: "catchAll"),
        ])
        #expect(table.match(method: "GET", rawPath: "/api/charts/export")?.route.functionName == "literal")
        #expect(table.match(method: "GET", rawPath: "/api/charts/42")?.route.functionName == "getVariable")
        #expect(table.match(method: "DELETE", rawPath: "/api/charts/42")?.route.functionName == "anyVariable")
        // A non-greedy route with ANY still beats a greedy route with the exact method.
        #expect(table.match(method: "PUT", rawPath: "/api/charts/42/x")?.route.functionName == "catchAll")
    }

    @Test func capturesDecodedPathParametersAndTheGreedyRest() throws {
        let table = try RouteTable([
            Self.route("GET", "/api/charts/{id}", to: "charts"),
            Self.route("ANY", "/api/{proxy+}", to: "catchAll"),
        ])
        let chart = try #require(table.match(method: "GET", rawPath: "/api/charts/a%20b"))
        #expect(chart.pathParameters == ["id": "a b"])
        let rest = try #require(table.match(method: "POST", rawPath: "/api/one/two/three"))
        #expect(rest.route.key == "ANY /api/{proxy+}")
        #expect(rest.pathParameters == ["proxy": "one/two/three"])
    }

    @Test func unmatchedPathsHaveNoRouteWithoutADefault() throws {
        let table = try RouteTable([
            Self.route("GET", "/api/charts", to: "charts"),
            Self.route("ANY", "/api/{proxy+}", to: "catchAll"),
        ])
        #expect(table.match(method: "GET", rawPath: "/health") == nil)
        // A greedy variable needs at least one segment.
        #expect(table.match(method: "GET", rawPath: "/api") == nil)
        #expect(table.match(method: "POST", rawPath: "/api/charts")?.route.functionName == "catchAll")
    }

    /// A trailing slash is kept, as API Gateway's HTTP APIs keep it: `/api/charts/` is not
    /// `/api/charts`, and `/api/` is the prefix followed by an empty segment, which only a
    /// greedy variable catches.
    @Test func aTrailingSlashIsAnEmptySegmentThatOnlyAGreedyVariableCatches() throws {
        let table = try RouteTable([
            Self.route("GET", "/api/charts", to: "charts"),
            Self.route("GET", "/api/charts/{id}", to: "chart"),
            Self.route("ANY", "/api/{proxy+}", to: "catchAll"),
        ])
        #expect(table.match(method: "GET", rawPath: "/api/")?.route.functionName == "catchAll")
        #expect(table.match(method: "GET", rawPath: "/api/charts/")?.route.functionName == "catchAll")
        #expect(table.match(method: "GET", rawPath: "/api") == nil)
    }

    @Test func routeKeysReadAsAPIGatewayWritesThem() throws {
        #expect(try Self.route("get", "/api/charts/{id}", to: "f").key == "GET /api/charts/{id}")
        #expect(try Self.route("ANY", "/api/{proxy+}", to: "f").key == "ANY /api/{proxy+}")
        #expect(Route(defaultRouteTo: "f").key == "$default")
        #expect(try RoutePath("/").description == "/")
    }

    @Test func listsRoutesAlignedAndOrderedByPath() throws {
        let table = try RouteTable([
            Self.route("POST", "/api/users", to: "CreateUser"),
            Self.route("ANY", "/api/{proxy+}", to: "NotFound"),
            Self.route("GET", "/api/me", to: "Me"),
            Route(defaultRouteTo: "Fallback"),
        ])
        #expect(
            RouteListing.lines(for: table, extra: [("GET", "/api/openapi.yaml", "(openapi.yaml)")]) == [
                "GET   /api/me            Me",
                "POST  /api/users         CreateUser",
                "ANY   /api/{proxy+}      NotFound",
                "*     $default           Fallback",
                "GET   /api/openapi.yaml  (openapi.yaml)",
            ])
    }
}
