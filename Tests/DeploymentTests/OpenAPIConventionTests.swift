import LocalHarness
import Testing

/// openapi.yaml documents, for every operation, the responses that API.md's conventions give
/// it, so that a client generated from it handles them.
@Suite struct OpenAPIConventionTests {
    let document: OpenAPIDocument

    init() throws {
        document = try OpenAPIDocument.load()
    }

    /// The routes API.md lets a client call without a bearer token.
    static let publicRoutes: Set<Route> = [
        Route("POST", "/api/users"), Route("POST", "/api/login"), Route("POST", "/api/token/refresh"),
        Route("POST", "/api/logout"), Route("GET", "/api/health"), Route("GET", "/.well-known/jwks.json"),
    ]

    @Test func theDocumentIsOpenAPI31WithBearerTokens() {
        #expect(document.root["openapi"]?.scalar == "3.1.0")
        let scheme = document.root[path: "components", "securitySchemes", "bearerAuth"]
        #expect(scheme?["type"]?.scalar == "http" && scheme?["scheme"]?.scalar == "bearer")
        #expect(!document.operations.isEmpty)
    }

    @Test func onlyTheAccountHealthAndKeySetEntryPointsArePublic() {
        let unauthenticated = Set(document.operations.filter { !document.requiresAuthentication($0) }.map(\.route))
        #expect(unauthenticated == Self.publicRoutes, "public operations: \(unauthenticated.sorted())")
        for operation in document.operations where document.requiresAuthentication(operation) {
            let unauthorized = operation.object[path: "responses", "401"].map(document.resolve)
            #expect(unauthorized != nil, "\(operation.route) needs a token but documents no 401")
            #expect(
                unauthorized?[path: "headers", "www-authenticate"] != nil,
                "\(operation.route): its 401 carries no www-authenticate")
        }
    }

    @Test func everyResponseCarriesTheRequestIdAndErrorsAreProblemDetails() {
        for operation in document.operations {
            let responses = operation.object["responses"]?.members ?? [:]
            #expect(responses["500"] != nil, "\(operation.route) documents no 500")
            for (status, response) in responses {
                let resolved = document.resolve(response)
                #expect(
                    resolved[path: "headers", "x-request-id"] != nil,
                    "\(operation.route) \(status) has no x-request-id header")
                let content = resolved["content"]?.members ?? [:]
                if status.hasPrefix("4") || status.hasPrefix("5") {
                    #expect(Set(content.keys) == ["application/problem+json"], "\(operation.route) \(status)")
                    #expect(
                        content["application/problem+json"]?[path: "schema", "$ref"]?.scalar
                            == "#/components/schemas/Problem",
                        "\(operation.route) \(status) is not a Problem")
                } else if status == "204" {
                    #expect(content.isEmpty, "\(operation.route) 204 has a body")
                } else {
                    #expect(Set(content.keys) == ["application/json"], "\(operation.route) \(status)")
                }
            }
        }
    }

    @Test func operationsWithABodyDocumentTheBodyErrors() {
        for operation in document.operations where operation.object["requestBody"] != nil {
            let statuses = Set((operation.object["responses"]?.members ?? [:]).keys)
            for status in ["400", "413", "422"] {
                #expect(statuses.contains(status), "\(operation.route) takes a body but documents no \(status)")
            }
            #expect(
                operation.object[path: "requestBody", "content", "application/json", "schema"] != nil,
                "\(operation.route) has no JSON body schema")
        }
    }

    @Test func collectionsPageAndObjectsAreVersioned() {
        for operation in document.operations {
            let route = operation.route
            let responses = operation.object["responses"]?.members ?? [:]
            let isItem = route.path.hasSuffix("/{id}")
            let isCollection = !isItem && document.operations.contains { $0.route.path == route.path + "/{id}" }

            if isItem {
                #expect(responses["404"] != nil, "\(route) documents no 404")
            }
            if isCollection && route.method == "GET" {
                let query = document.parameterNames(of: operation, in: "query")
                #expect(query.isSuperset(of: ["limit", "cursor"]), "\(route) takes \(query.sorted())")
                #expect(responses["422"] != nil, "\(route) documents no 422 for a bad limit or cursor")
            }
            if isCollection && route.method == "POST" {
                let created = responses["201"].map(document.resolve)
                #expect(created?[path: "headers", "location"] != nil, "\(route) 201 has no location")
                #expect(created?[path: "headers", "etag"] != nil, "\(route) 201 has no etag")
            }
            if isItem && (route.method == "GET" || route.method == "PATCH") {
                let ok = responses["200"].map(document.resolve)
                #expect(ok?[path: "headers", "etag"] != nil, "\(route) 200 has no etag")
            }
            if isItem && (route.method == "PATCH" || route.method == "DELETE") {
                #expect(document.parameterNames(of: operation, in: "header").contains("if-match"), "\(route)")
                #expect(responses["412"] != nil, "\(route) documents no 412")
            }
        }
    }

    @Test func problemDetailsListFieldErrors() {
        let problem = document.root[path: "components", "schemas", "Problem"]
        let required = Set(problem?["required"]?.items?.compactMap(\.scalar) ?? [])
        #expect(required.isSuperset(of: ["type", "title", "status", "code"]))
        #expect(problem?[path: "properties", "errors", "items", "$ref"]?.scalar == "#/components/schemas/FieldError")
        let codes = Set(problem?[path: "properties", "code", "enum"]?.items?.compactMap(\.scalar) ?? [])
        let apiCodes: Set = [
            "invalid_json", "unauthorized", "invalid_credentials", "not_found", "email_taken", "name_taken",
            "limit_reached", "precondition_failed", "payload_too_large", "validation_failed", "too_many_attempts",
            "internal", "unavailable",
        ]
        #expect(codes == apiCodes, "Problem.code lists \(codes.sorted())")
    }
}
