import LocalHarness
import Testing

/// How the stack keeps the access-token keys (README.md, "Rotating the JWT signing key"): ES256
/// by default, the private key read only where tokens are issued and by the function that
/// publishes its public half, every other function verifying with that public half alone.
@Suite struct TokenKeyDeploymentTests {
    let template: SAMTemplate

    init() throws {
        template = try SAMTemplate.load()
    }

    /// Login and Sessions sign; PublishKeys publishes the public keys at deployment.
    static let signingKeyReaders: Set = ["LoginFunction", "SessionsFunction", "PublishKeysFunction"]
    static let verifiers: Set = [
        "MeFunction", "ChartsFunction", "WatchlistsFunction", "AlertsFunction", "CandlesFunction", "RealtimeFunction",
    ]

    func variables(of id: String) -> [String: TemplateNode] {
        template.effectiveProperties(ofFunction: id)[path: "Environment", "Variables"]?.members ?? [:]
    }

    /// The secrets a function's role may read, as the logical ids they name.
    func readableSecrets(of id: String) -> Set<String> {
        let policies = template.functions[id]?[path: "Properties", "Policies"]?.items ?? []
        return Set(
            policies.compactMap {
                template.unconditional($0).value[path: "AWSSecretsManagerGetSecretValuePolicy", "SecretArn"]?.referenced
            })
    }

    @Test func es256IsTheDefaultAndHS256StaysForExistingDeployments() throws {
        let algorithm = try #require(template.parameters["TokenAlgorithm"])
        #expect(algorithm["Default"]?.scalar == "ES256")
        #expect(algorithm["AllowedValues"]?.items?.compactMap(\.scalar) == ["ES256", "HS256"])
        #expect(template.resources["JwtSigningKey"]?["Condition"]?.scalar == "UsesES256")
        #expect(template.resources["JwtSigningSecret"]?["Condition"]?.scalar == "UsesHS256")
        for (condition, value) in [("UsesES256", "ES256"), ("UsesHS256", "HS256")] {
            let definition = template.root[path: "Conditions", condition]
            #expect(
                definition
                    == .intrinsic(
                        name: "Fn::Equals",
                        argument: .sequence([
                            .intrinsic(name: "Ref", argument: .scalar("TokenAlgorithm")), .scalar(value),
                        ])),
                "\(condition) is \(String(describing: definition))")
        }
    }

    @Test func onlyTheSignersAndThePublisherMayReadThePrivateKey() {
        let readers = Set(template.functions.keys.filter { readableSecrets(of: $0).contains("JwtSigningKey") })
        #expect(readers == Self.signingKeyReaders)
        for id in Self.signingKeyReaders {
            let named = variables(of: id)["JWT_SIGNING_KEY_SECRET_ARN"].map { template.unconditional($0).value }
            #expect(named?.referenced == "JwtSigningKey", "\(id).JWT_SIGNING_KEY_SECRET_ARN")
        }
    }

    /// The verifiers get the published JWK Set as a value; under HS256 they keep the shared secret.
    @Test func verifiersGetThePublishedPublicKeysOnly() {
        let withPublicKeys = Set(template.functions.keys.filter { variables(of: $0)["JWT_PUBLIC_KEYS"] != nil })
        #expect(withPublicKeys == Self.verifiers)
        for id in Self.verifiers {
            let publicKeys = variables(of: id)["JWT_PUBLIC_KEYS"].map { template.unconditional($0) }
            #expect(publicKeys?.condition == "UsesES256", "\(id).JWT_PUBLIC_KEYS")
            #expect(publicKeys?.value.attribute == "JwtPublicKeys.Jwks", "\(id).JWT_PUBLIC_KEYS")
            #expect(variables(of: id)["JWT_SIGNING_KEY_SECRET_ARN"] == nil, "\(id) names the private key")
            let shared = variables(of: id)["JWT_SECRET_ARN"].map { template.unconditional($0) }
            #expect(shared?.condition == "UsesHS256", "\(id).JWT_SECRET_ARN is not only for HS256")
        }
    }

    /// The public keys are read again on every deployment with a new DeploymentId (how a rotated
    /// key reaches the verifiers) and whenever the publisher's code changes.
    @Test func thePublicKeysArePublishedOnEveryDeploymentByAFunctionNoRequestReaches() throws {
        let resource = try #require(template.resources["JwtPublicKeys"])
        #expect(resource["Type"]?.scalar == "Custom::JwtPublicKeys")
        #expect(resource["Condition"]?.scalar == "UsesES256")
        let properties = resource["Properties"]?.members ?? [:]
        #expect(properties["ServiceToken"]?.attribute == "PublishKeysFunction.Arn")
        #expect(properties.values.contains { $0.referenced == "DeploymentId" })
        #expect(properties.values.contains { $0.referenced == "PublishKeysFunction.Version" })
        let publisher = try #require(template.functions["PublishKeysFunction"])
        #expect(publisher["Condition"]?.scalar == "UsesES256")
        #expect(publisher[path: "Properties", "Events"] == nil, "PublishKeys must not be reachable over HTTP")
        #expect(publisher[path: "Properties", "AutoPublishAlias"] != nil)
        #expect(readableSecrets(of: "PublishKeysFunction") == ["JwtSigningKey"])
    }
}
