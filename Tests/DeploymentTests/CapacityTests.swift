import LocalHarness
import Testing

/// Capacity and least privilege around the database (issue 14, B1, B2 and B6): storage that
/// grows, function concurrency that fits the connections RDS Proxy may open, and an S3 endpoint
/// that only lets the migration custom resource answer CloudFormation.
@Suite struct CapacityTests {
    let template: SAMTemplate

    init() throws {
        template = try SAMTemplate.load()
    }

    /// max_connections on the default instance class, db.t4g.micro: `LEAST(DBInstanceClassMemory
    /// / 9531392, 5000)` is at most 112 for its 1 GiB, fewer in practice because
    /// DBInstanceClassMemory leaves out what the OS and RDS hold; the template counts on 80.
    static let defaultInstanceClass = "db.t4g.micro"
    static let defaultInstanceConnections = 80

    @Test func databaseStorageScalesUpToAParameter() throws {
        let database = try #require(template.resources(ofType: "AWS::RDS::DBInstance").values.first)
        let maximum = try #require(
            database[path: "Properties", "MaxAllocatedStorage"]?.referenced, "no storage autoscaling ceiling")
        let allocated = try #require(database[path: "Properties", "AllocatedStorage"]?.referenced)
        let maximumDefault = try #require(template.parameters[maximum]?["Default"]?.scalar.flatMap { Int($0) })
        let allocatedDefault = try #require(template.parameters[allocated]?["Default"]?.scalar.flatMap { Int($0) })
        // RDS refuses a ceiling less than 10% above the allocated storage.
        #expect(
            maximumDefault * 10 >= allocatedDefault * 11,
            "\(maximum) \(maximumDefault), \(allocated) \(allocatedDefault)")
        let allocatedMinimum = try #require(template.parameters[allocated]?["MinValue"]?.scalar.flatMap { Int($0) })
        let maximumMinimum = try #require(template.parameters[maximum]?["MinValue"]?.scalar.flatMap { Int($0) })
        #expect(maximumMinimum * 10 >= allocatedMinimum * 11)
    }

    /// A bcrypt hash takes a full vCPU for a fraction of a second: the functions that hash
    /// passwords have a concurrency ceiling of their own.
    @Test func bcryptFunctionsHaveReservedConcurrency() {
        for id in ["CreateUserFunction", "LoginFunction", "MeFunction"] {
            let reserved = template.functions[id]?[path: "Properties", "ReservedConcurrentExecutions"]?.scalar
            #expect(reserved.flatMap { Int($0) }.map { $0 >= 1 } == true, "\(id) has no reserved concurrency")
        }
    }

    /// Each execution environment holds its pool's connections: the concurrency ceilings of the
    /// functions that use the database, together, fit in what the proxy may open on the default
    /// instance, so a burst waits for Lambda capacity rather than exhausting the database.
    @Test func functionConcurrencyFitsTheProxysConnections() throws {
        let instanceClass = template.parameters["DatabaseInstanceClass"]?["Default"]?.scalar
        #expect(instanceClass == Self.defaultInstanceClass, "the budget below is for \(Self.defaultInstanceClass)")
        let targetGroup = try #require(template.resources(ofType: "AWS::RDS::DBProxyTargetGroup").values.first)
        let pool = targetGroup[path: "Properties", "ConnectionPoolConfigurationInfo"]
        let percent = try #require(
            pool?["MaxConnectionsPercent"]?.scalar.flatMap { Int($0) }, "no MaxConnectionsPercent")
        let idle = pool?["MaxIdleConnectionsPercent"]?.scalar.flatMap { Int($0) } ?? 0
        #expect(percent < 100, "the proxy may take every connection, leaving none for an operator")
        #expect(idle <= percent)
        let budget = Self.defaultInstanceConnections * percent / 100

        var total = 0
        var ceilings: [String] = []
        for (id, function) in template.functions.sorted(by: { $0.key < $1.key }) {
            let properties = template.effectiveProperties(ofFunction: id)
            guard properties[path: "Environment", "Variables", "DATABASE_SECRET_ARN"] != nil else { continue }
            let poolSize =
                properties[path: "Environment", "Variables", "DATABASE_POOL_SIZE"]?.scalar.flatMap { Int($0) } ?? 1
            let events = (function[path: "Properties", "Events"]?.members ?? [:]).values
            let concurrency: Int
            if let reserved = function[path: "Properties", "ReservedConcurrentExecutions"]?.scalar.flatMap({ Int($0) })
            {
                concurrency = reserved
            } else if !events.isEmpty, events.allSatisfy({ $0["Type"]?.scalar == "SQS" }),
                case let maxima = events.compactMap({
                    $0[path: "Properties", "ScalingConfig", "MaximumConcurrency"]?.scalar.flatMap { Int($0) }
                }), maxima.count == events.count
            {
                concurrency = maxima.reduce(0, +)
            } else if events.isEmpty {
                // Invoked only by CloudFormation's custom resource, once per deployment.
                concurrency = 1
            } else {
                Issue.record("\(id) uses the database without a concurrency ceiling")
                continue
            }
            total += concurrency * poolSize
            ceilings.append("\(id) \(concurrency)×\(poolSize)")
        }
        #expect(
            total <= budget,
            "the functions may hold \(total) connections (\(ceilings)), the proxy opens at most \(budget)")
    }

    /// The functions use S3 for one thing: answering CloudFormation's custom resource request
    /// through its pre-signed URL. The gateway endpoint carries nothing else.
    @Test func theS3EndpointOnlyCarriesCustomResourceResponses() throws {
        let endpoint = try #require(
            template.resources(ofType: "AWS::EC2::VPCEndpoint").values.first {
                $0[path: "Properties", "ServiceName"]?.text?.hasSuffix(".s3") == true
            })
        let statements = try #require(
            endpoint[path: "Properties", "PolicyDocument", "Statement"]?.items, "the endpoint allows anything")
        #expect(!statements.isEmpty)
        for statement in statements {
            #expect(statement["Effect"]?.scalar == "Allow")
            let actions = statement["Action"]?.scalar.map { [$0] } ?? statement["Action"]?.items?.compactMap(\.scalar)
            #expect(actions == ["s3:PutObject"], "the endpoint allows \(String(describing: actions))")
            let resource = try #require(statement["Resource"])
            let pattern: String?
            switch resource {
            case .intrinsic("Fn::Sub", .sequence(let parts)): pattern = parts.first?.scalar
            default: pattern = resource.text
            }
            #expect(
                pattern?.hasPrefix("arn:${AWS::Partition}:s3:::cloudformation-custom-resource-response-") == true
                    && pattern?.hasSuffix("/*") == true,
                "the endpoint allows writing to \(resource)")
        }
    }
}
