import LocalHarness
import Testing

/// How every function is deployed: what it runs, where it logs, where it sits in the network,
/// and which secrets it may read.
@Suite struct FunctionConfigurationTests {
    let template: SAMTemplate

    init() throws {
        template = try SAMTemplate.load()
    }

    var functionIds: [String] { template.functions.keys.sorted() }

    @Test func thereAreFunctions() {
        #expect(!functionIds.isEmpty)
    }

    /// `./build.sh package` writes each target's bootstrap to .build/lambda/<Target>/, and
    /// `sam deploy` zips and uploads whatever folder CodeUri names.
    @Test func everyFunctionCodeUriIsTheFolderPackagingFills() throws {
        let targets = SAMTemplate.functionTargetsOnDisk()
        for id in functionIds {
            let codeUri = template.effectiveProperties(ofFunction: id)["CodeUri"]?.scalar
            guard let target = SAMTemplate.targetName(ofFunction: id) else {
                Issue.record("\(id) is not named <Target>Function")
                continue
            }
            #expect(codeUri == ".build/lambda/\(target)/", "\(id).CodeUri is \(String(describing: codeUri))")
            #expect(targets.contains(target), "\(id) deploys Sources/Functions/\(target), which does not exist")
        }
    }

    @Test func everyFunctionRunsItsX86BootstrapOnProvidedAL2023WithTracing() {
        for id in functionIds {
            let properties = template.effectiveProperties(ofFunction: id)
            #expect(properties["Runtime"]?.scalar == "provided.al2023", "\(id).Runtime")
            #expect(properties["Handler"]?.scalar == "bootstrap", "\(id).Handler")
            #expect(properties["Architectures"] == .sequence([.scalar("x86_64")]), "\(id).Architectures")
            #expect(properties["Tracing"]?.scalar == "Active", "\(id).Tracing")
        }
    }

    /// Memory (which also buys CPU) and timeout are chosen per function, not inherited; a
    /// function behind the HTTP API gains nothing from running past API Gateway's 30 s (one fed
    /// by a queue or a schedule may run longer).
    @Test func everyFunctionSetsItsOwnMemoryAndTimeout() {
        for (id, function) in template.functions {
            let memory = function[path: "Properties", "MemorySize"]?.scalar.flatMap { Int($0) }
            let timeout = function[path: "Properties", "Timeout"]?.scalar.flatMap { Int($0) }
            #expect(
                memory.map { (128...10_240).contains($0) } == true, "\(id).MemorySize: \(String(describing: memory))")
            #expect(timeout.map { (1...900).contains($0) } == true, "\(id).Timeout: \(String(describing: timeout))")
            let servesHTTP = (function[path: "Properties", "Events"]?.members ?? [:]).values.contains {
                $0["Type"]?.scalar == "HttpApi"
            }
            if servesHTTP, let timeout {
                #expect(timeout <= 30, "\(id) answers HTTP requests but may run \(timeout) s")
            }
        }
    }

    @Test func everyFunctionLogsJSONToItsOwnLogGroupKeptFourteenDays() {
        var owners: [String: String] = [:]
        for id in functionIds {
            let logging = template.effectiveProperties(ofFunction: id)["LoggingConfig"]
            #expect(logging?["LogFormat"]?.scalar == "JSON", "\(id).LoggingConfig.LogFormat")
            guard let group = logging?["LogGroup"]?.referenced else {
                Issue.record("\(id).LoggingConfig.LogGroup is not !Ref of a log group in the template")
                continue
            }
            let resource = template.resources[group]
            #expect(resource?["Type"]?.scalar == "AWS::Logs::LogGroup", "\(id) logs to \(group), not a log group")
            #expect(resource?[path: "Properties", "RetentionInDays"]?.scalar == "14", "\(group).RetentionInDays")
            if let other = owners.updateValue(id, forKey: group) {
                Issue.record("\(id) and \(other) share the log group \(group)")
            }
        }
    }

    /// The functions that run outside the VPC: MarketFeed reaches the exchange's public API and
    /// Push API Gateway's management API, which the private subnets (no NAT gateway, and no
    /// endpoint serves @connections) cannot; they touch neither the database nor a secret.
    static let outsideTheVPC: Set = ["MarketFeedFunction", "PushFunction"]

    @Test func functionsOutsideTheVPCUseNeitherTheDatabaseNorSecrets() {
        for id in Self.outsideTheVPC {
            let function = template.functions[id]
            #expect(function != nil, "\(id) is not a function of the template")
            let properties = template.effectiveProperties(ofFunction: id)
            #expect(properties["VpcConfig"] == nil, "\(id) is meant to run outside the VPC")
            let variables = properties[path: "Environment", "Variables"]?.members ?? [:]
            let secrets = variables.keys.filter { $0.hasSuffix("_SECRET_ARN") }.sorted()
            #expect(secrets.isEmpty, "\(id) runs outside the VPC but reads \(secrets)")
            let waitsFor = function?["DependsOn"]?.names ?? []
            #expect(waitsFor.isEmpty, "\(id) runs outside the VPC but waits for \(waitsFor)")
        }
    }

    /// Private: every subnet of every function (but those outside the VPC) is in a route table
    /// with no route to an internet gateway, and the subnets span at least two availability zones.
    @Test func everyFunctionRunsInPrivateSubnetsOverTwoZones() {
        let internetGateways = Set(template.resources(ofType: "AWS::EC2::InternetGateway").keys)
        let associations = template.resources(ofType: "AWS::EC2::SubnetRouteTableAssociation").values
        let routes = template.resources(ofType: "AWS::EC2::Route").values

        for id in functionIds where !Self.outsideTheVPC.contains(id) {
            let vpc = template.effectiveProperties(ofFunction: id)["VpcConfig"]
            let subnets = vpc?["SubnetIds"]?.items?.compactMap(\.referenced) ?? []
            let groups = vpc?["SecurityGroupIds"]?.items ?? []
            #expect(!groups.isEmpty, "\(id) has no security group")
            #expect(subnets.count >= 2, "\(id) is not in at least two subnets")

            var zones: [TemplateNode] = []
            for subnet in subnets {
                let resource = template.resources[subnet]
                #expect(resource?["Type"]?.scalar == "AWS::EC2::Subnet", "\(id): \(subnet) is not a subnet")
                #expect(resource?[path: "Properties", "MapPublicIpOnLaunch"]?.scalar != "true", "\(subnet) is public")
                if let zone = resource?[path: "Properties", "AvailabilityZone"], !zones.contains(zone) {
                    zones.append(zone)
                }
                let tables = associations.filter { $0[path: "Properties", "SubnetId"]?.referenced == subnet }
                    .compactMap { $0[path: "Properties", "RouteTableId"]?.referenced }
                #expect(tables.count == 1, "\(subnet) has \(tables.count) route table associations")
                for table in tables {
                    let toInternet = routes.filter {
                        $0[path: "Properties", "RouteTableId"]?.referenced == table
                            && ($0[path: "Properties", "GatewayId"]?.referenced).map(internetGateways.contains) == true
                    }
                    #expect(
                        toInternet.isEmpty, "\(id) runs in \(subnet), whose route table \(table) reaches the internet")
                }
            }
            #expect(zones.count >= 2, "\(id)'s subnets are not in two availability zones")
        }
    }

    /// Secrets reach a function only as the ARN of a Secrets Manager secret, read at run time:
    /// never as a value in the environment, which anyone allowed to read the function's
    /// configuration can see.
    @Test func environmentHoldsNoPlaintextSecrets() {
        let extensionSettings = ["SECRETS_MANAGER_", "PARAMETERS_SECRETS_EXTENSION_"]
        let sensitiveWords: Set = ["SECRET", "SECRETS", "PASSWORD", "PASSWD", "KEY", "CREDENTIALS"]
        for id in functionIds {
            let variables =
                template.effectiveProperties(ofFunction: id)[path: "Environment", "Variables"]?.members ?? [:]
            #expect(variables["DATABASE_URL"] == nil, "\(id): DATABASE_URL would carry the database password")
            for (name, value) in variables where !extensionSettings.contains(where: { name.hasPrefix($0) }) {
                let words = Set(name.split(separator: "_").map(String.init))
                guard !words.isDisjoint(with: sensitiveWords) else { continue }
                #expect(name.hasSuffix("_ARN"), "\(id): \(name) looks like a secret value, not a secret's ARN")
                let value = template.unconditional(value).value
                #expect(isSecretReference(value), "\(id): \(name) is \(value), not a reference to a secret")
            }
        }
    }

    /// A function's environment names exactly the secrets its role may read, under the same
    /// condition (`!If [UsesES256, ...]`): one it may not read fails its first request, one it
    /// may read but does not name is a needless grant. The only other grants are sending to a
    /// queue, invoking a function, or posting to the realtime API's connections, each named by
    /// the environment, and signing in to the database with IAM.
    @Test func functionsMayReadExactlyTheSecretsTheirEnvironmentNames() {
        let queues = Set(template.resources(ofType: "AWS::SQS::Queue").keys)
        for (id, function) in template.functions {
            let variables =
                template.effectiveProperties(ofFunction: id)[path: "Environment", "Variables"]?.members ?? [:]
            let named = Set(
                variables.filter { $0.key.hasSuffix("_SECRET_ARN") }.map {
                    Self.describe(template.unconditional($0.value))
                })

            var granted: Set<String> = []
            for item in function[path: "Properties", "Policies"]?.items ?? [] {
                let (condition, policy) = template.unconditional(item)
                if let queueName = policy[path: "SQSSendMessagePolicy", "QueueName"]?.attribute {
                    let queue = queueName.hasSuffix(".QueueName") ? String(queueName.dropLast(".QueueName".count)) : ""
                    #expect(queues.contains(queue), "\(id) may send to \(queueName), not a queue of the template")
                    #expect(
                        variables.values.contains { $0.referenced == queue },
                        "\(id) may send to \(queue) but its environment does not name it")
                    continue
                }
                if let invoked = policy[path: "LambdaInvokePolicy", "FunctionName"]?.referenced {
                    #expect(
                        template.functions[invoked] != nil,
                        "\(id) may invoke \(invoked), not a function of the template")
                    #expect(
                        variables.values.contains { $0.referenced == invoked },
                        "\(id) may invoke \(invoked) but its environment does not name it")
                    continue
                }
                if let statements = policy["Statement"]?.items {
                    let actions = statements.map { $0["Action"]?.scalar }
                    #expect(
                        actions == ["execute-api:ManageConnections"],
                        "\(id) has a policy other than managing the realtime API's connections: \(actions)")
                    #expect(
                        variables["WEBSOCKET_MANAGEMENT_ENDPOINT"] != nil,
                        "\(id) may manage connections but its environment names no management endpoint")
                    let resource = statements.first?["Resource"]?.description ?? ""
                    #expect(resource.contains("/POST/@connections/*"), "\(id) may do more than POST: \(resource)")
                    continue
                }
                if let managed = policy.referenced {
                    #expect(
                        managed == Self.databaseConnectPolicy,
                        "\(id) has the managed policy \(managed), not \(Self.databaseConnectPolicy)")
                    #expect(
                        variables["DATABASE_AUTH"] == .scalar("iam"),
                        "\(id) may sign in to the database with IAM but its DATABASE_AUTH is not iam")
                    continue
                }
                guard let secret = policy[path: "AWSSecretsManagerGetSecretValuePolicy", "SecretArn"] else {
                    Issue.record("\(id) has a policy other than reading one named secret: \(policy)")
                    continue
                }
                #expect(isSecretReference(secret), "\(id) may read \(secret), which is not a secret of the template")
                granted.insert(Self.describe((condition, secret)))
            }
            #expect(named == granted, "\(id) names secrets \(named.sorted()) but may read \(granted.sorted())")
        }
    }

    /// The variables the functions' code reads (see README.md, Deploy).
    @Test func functionsGetTheEnvironmentTheirCodeReads() {
        let proxies = Set(template.resources(ofType: "AWS::RDS::DBProxy").keys)
        for id in functionIds {
            let variables =
                template.effectiveProperties(ofFunction: id)[path: "Environment", "Variables"]?.members ?? [:]
            let policies = template.functions[id]?[path: "Properties", "Policies"]?.items ?? []
            let signsInWithIAM = policies.contains { $0.referenced == Self.databaseConnectPolicy }
            if let secret = variables["DATABASE_SECRET_ARN"] {
                #expect(
                    secret.attribute.map { isManagedDatabaseSecret($0) } == true,
                    "\(id).DATABASE_SECRET_ARN is not the RDS-managed master user secret")
                #expect(variables["DATABASE_AUTH"] == .scalar("password"), "\(id) signs in as the owner")
            }
            if signsInWithIAM {
                #expect(variables["DATABASE_SECRET_ARN"] == nil, "\(id) signs in with IAM yet reads the owner's secret")
                #expect(variables["PGUSER"] == .scalar("chronoview_app"), "\(id).PGUSER is not the application role")
                #expect(variables["DATABASE_AUTH"] == .scalar("iam"), "\(id).DATABASE_AUTH")
            }
            if variables["DATABASE_SECRET_ARN"] != nil || signsInWithIAM {
                let host = variables["PGHOST"]?.attribute
                #expect(
                    host.map { $0.hasSuffix(".Endpoint") && proxies.contains(String($0.dropLast(".Endpoint".count))) }
                        == true,
                    "\(id).PGHOST is not the RDS Proxy's endpoint")
                #expect(variables["PGPORT"] == .scalar("5432"), "\(id).PGPORT")
                #expect(variables["PGDATABASE"]?.scalar?.isEmpty == false, "\(id).PGDATABASE")
                #expect(variables["PGSSLMODE"] == .scalar("verify-full"), "\(id).PGSSLMODE")
                #expect(variables["PGSSLROOTCERT"] == .scalar("/var/task/rds-ca.pem"), "\(id).PGSSLROOTCERT")
                #expect(variables["DATABASE_POOL_SIZE"] == .scalar("1"), "\(id).DATABASE_POOL_SIZE")
            }
            for key in ["JWT_SECRET_ARN", "JWT_SIGNING_KEY_SECRET_ARN"] {
                guard let secret = variables[key].map({ template.unconditional($0).value }) else { continue }
                let resource = secret.referenced.flatMap { template.resources[$0] }
                #expect(resource?["Type"]?.scalar == "AWS::SecretsManager::Secret", "\(id).\(key)")
                let length = resource?[path: "Properties", "GenerateSecretString", "PasswordLength"]?.scalar
                #expect(
                    length.flatMap { Int($0) }.map { $0 >= 64 } == true, "\(id).\(key) is generated shorter than 64")
            }
            if ["JWT_SECRET_ARN", "JWT_PUBLIC_KEYS"].contains(where: { variables[$0] != nil }) {
                for name in ["JWT_ISSUER", "JWT_AUDIENCE", "ACCESS_TOKEN_TTL_SECONDS"] {
                    #expect(variables[name] != nil, "\(id) verifies tokens but has no \(name)")
                }
            }
            let secretNames = ["DATABASE_SECRET_ARN", "JWT_SECRET_ARN", "JWT_SIGNING_KEY_SECRET_ARN"]
            if secretNames.contains(where: { variables[$0] != nil }) {
                #expect(variables["BCRYPT_COST"] != nil, "\(id).BCRYPT_COST")
                let layers = template.effectiveProperties(ofFunction: id)["Layers"]?.items ?? []
                #expect(!layers.isEmpty, "\(id) reads secrets but has no Parameters and Secrets extension layer")
            }
        }
    }

    /// The extension layer must match the architecture the functions are built for.
    @Test func secretsExtensionLayersAreTheX86Ones() {
        let layers = template.root[path: "Mappings", "SecretsExtension"]?.members ?? [:]
        #expect(!layers.isEmpty, "no SecretsExtension mapping")
        for (region, entry) in layers {
            let arn = entry["LayerArn"]?.scalar ?? ""
            #expect(
                arn.hasPrefix("arn:aws:lambda:\(region):")
                    && arn.contains(":layer:AWS-Parameters-and-Secrets-Lambda-Extension:"),
                "SecretsExtension.\(region) is \(arn)")
        }
    }

    /// The managed policy that lets a function sign in to RDS Proxy as the application role.
    static let databaseConnectPolicy = "DatabaseConnectPolicy"

    /// It allows `rds-db:connect` as `chronoview_app` to the template's proxy, and nothing else.
    @Test func theDatabaseConnectPolicyAllowsOnlyTheApplicationRoleOnTheProxy() throws {
        let policy = try #require(template.resources[Self.databaseConnectPolicy])
        #expect(policy["Type"]?.scalar == "AWS::IAM::ManagedPolicy")
        let statements = policy[path: "Properties", "PolicyDocument", "Statement"]?.items ?? []
        #expect(statements.count == 1)
        #expect(statements.first?["Action"] == .scalar("rds-db:connect"))
        let resource = statements.first?["Resource"]?.description ?? ""
        #expect(resource.contains(":dbuser:${ProxyId}/chronoview_app"), "\(resource)")
        #expect(resource.contains("DatabaseProxy.DBProxyArn"), "\(resource)")
    }

    // MARK: -

    /// `value`, or `value if Condition`.
    private static func describe(_ conditional: (condition: String?, value: TemplateNode)) -> String {
        conditional.condition.map { "\(conditional.value) if \($0)" } ?? conditional.value.description
    }

    private func isSecretReference(_ value: TemplateNode) -> Bool {
        if let id = value.referenced {
            return template.resources[id]?["Type"]?.scalar == "AWS::SecretsManager::Secret"
        }
        return value.attribute.map(isManagedDatabaseSecret) ?? false
    }

    /// `X.MasterUserSecret.SecretArn` of a database whose password RDS manages.
    private func isManagedDatabaseSecret(_ attribute: String) -> Bool {
        guard attribute.hasSuffix(".MasterUserSecret.SecretArn") else { return false }
        let database = template.resources[String(attribute.dropLast(".MasterUserSecret.SecretArn".count))]
        return database?["Type"]?.scalar == "AWS::RDS::DBInstance"
            && database?[path: "Properties", "ManageMasterUserPassword"]?.scalar == "true"
    }
}
