import LocalHarness
import Testing

/// The parts of the stack around the functions that the design depends on.
@Suite struct StackTests {
    let template: SAMTemplate

    init() throws {
        template = try SAMTemplate.load()
    }

    /// Migrations run on every deploy: CloudFormation calls the Migrate function through a
    /// custom resource whose properties change whenever the function's code or the
    /// DeploymentId parameter does, and the API functions are only updated after it succeeded.
    @Test func migrationsRunOnDeployBeforeTheAPIFunctionsChange() throws {
        let migrations = template.resources(ofType: "Custom::Migration")
        try #require(migrations.count == 1, "expected one Custom::Migration, found \(migrations.keys.sorted())")
        let (migrationId, migration) = migrations.first!
        let properties = migration["Properties"]?.members ?? [:]

        #expect(properties["ServiceToken"]?.attribute == "MigrateFunction.Arn")
        #expect(properties.values.contains { $0.referenced == "MigrateFunction.Version" }, "no code version property")
        let parameters = properties.values.compactMap(\.referenced).filter { template.parameters[$0] != nil }
        #expect(!parameters.isEmpty, "no property follows a parameter that can force a re-run")

        let migrate = try #require(template.functions["MigrateFunction"])
        #expect(migrate[path: "Properties", "Events"] == nil, "Migrate must not be reachable over HTTP")
        #expect(
            migrate[path: "Properties", "AutoPublishAlias"] != nil, "MigrateFunction.Version needs AutoPublishAlias")

        // The function answers CloudFormation's pre-signed S3 URL from private subnets.
        let dependsOn = Set(migration["DependsOn"]?.names ?? [])
        let s3Endpoints = template.resources(ofType: "AWS::EC2::VPCEndpoint").filter {
            $0.value[path: "Properties", "VpcEndpointType"]?.scalar == "Gateway"
                && $0.value[path: "Properties", "ServiceName"]?.text?.hasSuffix(".s3") == true
        }
        #expect(s3Endpoints.count == 1, "no S3 gateway endpoint for the response URL")
        #expect(s3Endpoints.keys.allSatisfy(dependsOn.contains), "\(migrationId) does not wait for the S3 endpoint")

        for (id, function) in template.functions where id != "MigrateFunction" {
            let variables = template.effectiveProperties(ofFunction: id)[path: "Environment", "Variables"]
            guard variables?["DATABASE_SECRET_ARN"] != nil else { continue }
            let waitsFor = function["DependsOn"]?.names ?? []
            #expect(waitsFor.contains(migrationId), "\(id) uses the database but does not wait for migrations")
        }
    }

    /// The local gateway reads CORS from this same file, resolving `!Ref` to the parameter's
    /// default, so the parameter must have a usable one.
    @Test func corsAllowsTheSPAsOriginsHeadersAndMethods() throws {
        let api = try #require(template.resources(ofType: "AWS::Serverless::HttpApi").values.first)
        let cors = try #require(api[path: "Properties", "CorsConfiguration"])

        let parameterName = try #require(cors["AllowOrigins"]?.referenced, "AllowOrigins is not !Ref of a parameter")
        let parameter = try #require(template.parameters[parameterName])
        #expect(parameter["Type"]?.scalar == "CommaDelimitedList")
        let origins = parameter["Default"]?.scalar?.split(separator: ",").map(String.init) ?? []
        #expect(!origins.isEmpty && origins.allSatisfy { $0.hasPrefix("http") }, "\(parameterName).Default: \(origins)")

        let allowHeaders = Set(cors["AllowHeaders"]?.items?.compactMap { $0.scalar?.lowercased() } ?? [])
        #expect(allowHeaders.isSuperset(of: ["authorization", "content-type", "if-match"]), "\(allowHeaders)")
        let exposeHeaders = Set(cors["ExposeHeaders"]?.items?.compactMap { $0.scalar?.lowercased() } ?? [])
        #expect(exposeHeaders.isSuperset(of: ["etag", "location", "x-request-id", "retry-after"]), "\(exposeHeaders)")

        let allowMethods = Set(cors["AllowMethods"]?.items?.compactMap { $0.scalar?.uppercased() } ?? [])
        let usedMethods = Set(template.httpRoutes.map(\.route.method)).subtracting(["ANY"])
        #expect(
            allowMethods.isSuperset(of: usedMethods),
            "CORS allows \(allowMethods.sorted()), routes use \(usedMethods.sorted())")
    }

    /// Routes sit at the root of the invoke URL (no stage prefix), with access logs and throttling.
    @Test func httpAPIServesAtTheRootWithAccessLogsAndThrottling() throws {
        let api = try #require(template.resources(ofType: "AWS::Serverless::HttpApi").values.first)
        let properties = try #require(api["Properties"])
        #expect(properties["StageName"]?.scalar == "$default")

        let logGroup = properties[path: "AccessLogSettings", "DestinationArn"]?.attribute
        let group = logGroup.flatMap { template.resources[String($0.dropLast(".Arn".count))] }
        #expect(group?["Type"]?.scalar == "AWS::Logs::LogGroup", "access logs go to \(String(describing: logGroup))")
        #expect(group?[path: "Properties", "RetentionInDays"]?.scalar == "14")

        let throttling = properties["DefaultRouteSettings"]
        #expect(throttling?["ThrottlingBurstLimit"] != nil && throttling?["ThrottlingRateLimit"] != nil)
    }

    /// The database accepts connections only from the proxy, and the proxy only from the
    /// functions, on 5432.
    @Test func onlyTheFunctionsReachTheDatabaseThroughTheProxy() throws {
        let database = try #require(template.resources(ofType: "AWS::RDS::DBInstance").values.first)
        let proxy = try #require(template.resources(ofType: "AWS::RDS::DBProxy").values.first)
        let databaseGroups = Set(
            database[path: "Properties", "VPCSecurityGroups"]?.items?.compactMap {
                $0.attribute.map { String($0.prefix { $0 != "." }) } ?? $0.referenced
            } ?? [])
        let proxyGroups = Set(proxy[path: "Properties", "VpcSecurityGroupIds"]?.items?.compactMap(\.referenced) ?? [])
        let functionGroups = Set(
            template.functions.keys.flatMap {
                template.effectiveProperties(ofFunction: $0)[path: "VpcConfig", "SecurityGroupIds"]?.items?
                    .compactMap(\.referenced) ?? []
            })
        #expect(!databaseGroups.isEmpty && !proxyGroups.isEmpty && !functionGroups.isEmpty)

        for (target, allowedSources) in [(databaseGroups, proxyGroups), (proxyGroups, functionGroups)] {
            for group in target {
                let rules = ingressRules(of: group)
                #expect(!rules.isEmpty, "\(group) lets nothing in")
                for rule in rules {
                    let source = rule["SourceSecurityGroupId"]?.referenced
                    #expect(source.map(allowedSources.contains) == true, "\(group) admits \(rule)")
                    #expect(rule["CidrIp"] == nil && rule["CidrIpv6"] == nil, "\(group) admits an address range")
                    #expect(rule["FromPort"]?.scalar == "5432" && rule["ToPort"]?.scalar == "5432", "\(group): \(rule)")
                }
            }
        }

        #expect(database[path: "Properties", "ManageMasterUserPassword"]?.scalar == "true")
        #expect(database[path: "Properties", "StorageEncrypted"]?.scalar == "true")
        #expect(database[path: "Properties", "PubliclyAccessible"]?.scalar == "false")
        #expect(
            database[path: "Properties", "BackupRetentionPeriod"]?.scalar.flatMap { Int($0) }.map { $0 > 0 } == true)
        #expect(database[path: "Properties", "DeletionProtection"]?.referenced != nil, "deletion protection is fixed")
        #expect(proxy[path: "Properties", "RequireTLS"]?.scalar == "true")
    }

    @Test func spaIsAPrivateBucketBehindCloudFrontWithAnIndexFallback() throws {
        let buckets = template.resources(ofType: "AWS::S3::Bucket")
        #expect(!buckets.isEmpty)
        for (id, bucket) in buckets {
            let block = bucket[path: "Properties", "PublicAccessBlockConfiguration"]?.members ?? [:]
            for setting in ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"] {
                #expect(block[setting]?.scalar == "true", "\(id): \(setting)")
            }
        }

        let distribution = try #require(template.resources(ofType: "AWS::CloudFront::Distribution").values.first)
        let config = try #require(distribution[path: "Properties", "DistributionConfig"])
        #expect(config[path: "DefaultCacheBehavior", "ViewerProtocolPolicy"]?.scalar == "redirect-to-https")
        let origins = config["Origins"]?.items ?? []
        let s3Origins = origins.filter { $0["S3OriginConfig"] != nil }
        #expect(
            !s3Origins.isEmpty && s3Origins.allSatisfy { $0["OriginAccessControlId"] != nil },
            "an S3 origin without origin access control")
        #expect(config["WebACLId"] != nil, "no WAF web ACL")

        // Client-side routes get the app shell from a viewer-request function on the SPA's
        // behaviour alone: custom error responses would apply to the API's 403s and 404s too.
        #expect(config["CustomErrorResponses"] == nil, "custom error responses would rewrite the API's errors")
        let associations = config[path: "DefaultCacheBehavior", "FunctionAssociations"]?.items ?? []
        let function = associations.first { $0["EventType"]?.scalar == "viewer-request" }?["FunctionARN"]?.attribute
        let functionId = try #require(function.map { String($0.prefix { $0 != "." }) }, "no viewer-request function")
        let code = template.resources[functionId]?[path: "Properties", "FunctionCode"]?.scalar ?? ""
        #expect(code.contains("'/index.html'"), "\(functionId) does not serve the app shell")
    }

    /// Every function that serves traffic or runs on a schedule pages the operator when it
    /// errs or is throttled (PublishKeys answers the deployment itself, which shows its failure).
    @Test func everyFunctionHasErrorAndThrottleAlarms() {
        let alarms = template.resources(ofType: "AWS::CloudWatch::Alarm").values
        for id in template.functions.keys where id != "PublishKeysFunction" {
            for metric in ["Errors", "Throttles"] {
                let watched = alarms.contains { alarm in
                    alarm[path: "Properties", "MetricName"]?.scalar == metric
                        && alarm[path: "Properties", "Dimensions"]?.items?.contains {
                            $0["Value"]?.referenced == id
                        } == true
                }
                #expect(watched, "\(id) has no alarm on \(metric)")
            }
        }
    }

    @Test func outputsNameTheAPIAndTheSPA() {
        let outputs = template.root["Outputs"]?.members ?? [:]
        for name in ["ApiUrl", "SpaUrl", "SpaBucketName"] {
            #expect(outputs[name]?["Value"] != nil, "no \(name) output")
        }
    }

    // MARK: -

    /// Inline ingress rules of a security group and those of separate ingress resources.
    private func ingressRules(of group: String) -> [TemplateNode] {
        let inline = template.resources[group]?[path: "Properties", "SecurityGroupIngress"]?.items ?? []
        let separate = template.resources(ofType: "AWS::EC2::SecurityGroupIngress").values
            .compactMap { $0["Properties"] }
            .filter { $0["GroupId"]?.referenced == group || $0["GroupId"]?.attribute == "\(group).GroupId" }
        return inline + separate
    }
}
