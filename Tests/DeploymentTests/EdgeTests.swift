import Foundation
import LocalHarness
import Testing

/// What stands between a client and the functions (issue 14, B2 and B6): one CloudFront
/// distribution for the SPA and the API, its WAF web ACL, the secret header that makes calls
/// skipping it fail, and the headers, TLS and logs of the distribution.
@Suite struct EdgeTests {
    let template: SAMTemplate
    let distribution: TemplateNode

    /// CloudFront's managed policies, by the ids CloudFormation takes.
    static let cachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    static let allViewerExceptHostHeader = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    static let allMethods: Set = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    static let credentialRoutes = ["/api/login", "/api/users", "/api/token/refresh", "/api/me/password"]

    init() throws {
        template = try SAMTemplate.load()
        let distributions = template.resources(ofType: "AWS::CloudFront::Distribution")
        try #require(distributions.count == 1, "expected one distribution, found \(distributions.keys.sorted())")
        distribution = try #require(distributions.values.first?[path: "Properties", "DistributionConfig"])
    }

    // MARK: - the API behind CloudFront

    /// `/api`, `/api/*` and `/.well-known/jwks.json` go to the HTTP API, uncached, with
    /// everything but Host forwarded, so the SPA calls its own origin.
    @Test func theAPIIsServedThroughTheDistribution() throws {
        let origin = try apiOrigin()
        let originId = try #require(origin["Id"]?.scalar)
        let domain = origin["DomainName"]?.text ?? ""
        let api = try #require(template.resources(ofType: "AWS::Serverless::HttpApi").keys.first)
        #expect(domain == "${\(api)}.execute-api.${AWS::Region}.${AWS::URLSuffix}", "the API origin is \(domain)")
        #expect(origin[path: "CustomOriginConfig", "OriginProtocolPolicy"]?.scalar == "https-only")
        #expect(origin[path: "CustomOriginConfig", "OriginSSLProtocols"]?.items?.compactMap(\.scalar) == ["TLSv1.2"])

        let behaviors = distribution["CacheBehaviors"]?.items ?? []
        for pattern in ["/api", "/api/*", "/.well-known/jwks.json"] {
            let behavior = try #require(
                behaviors.first { $0["PathPattern"]?.scalar == pattern }, "no cache behaviour for \(pattern)")
            #expect(behavior["TargetOriginId"]?.scalar == originId, "\(pattern) does not reach the API")
            #expect(behavior["CachePolicyId"]?.scalar == Self.cachingDisabled, "\(pattern) may be cached")
            #expect(behavior["OriginRequestPolicyId"]?.scalar == Self.allViewerExceptHostHeader, "\(pattern)")
            #expect(behavior["ForwardedValues"] == nil, "\(pattern) uses legacy cache settings")
            #expect(
                ["https-only", "redirect-to-https"].contains(behavior["ViewerProtocolPolicy"]?.scalar ?? ""),
                "\(pattern) answers plain HTTP")
        }
        for pattern in ["/api", "/api/*"] {
            let apiBehavior = try #require(behaviors.first { $0["PathPattern"]?.scalar == pattern })
            #expect(Set(apiBehavior["AllowedMethods"]?.items?.compactMap(\.scalar) ?? []) == Self.allMethods)
        }
    }

    /// CloudFront sends the origin secret as `X-Origin-Verify`, from Secrets Manager, and every
    /// function behind the HTTP API names the same secret (the code refuses requests without it).
    @Test func callsThatSkipCloudFrontAreRefusedByEveryAPIFunction() throws {
        let headers = try apiOrigin()["OriginCustomHeaders"]?.items ?? []
        let header = try #require(
            headers.first { $0["HeaderName"]?.scalar?.lowercased() == "x-origin-verify" }, "no X-Origin-Verify header")
        let values = Self.branches(of: try #require(header["HeaderValue"])).compactMap(\.text)
        #expect(!values.isEmpty)
        let secretId = try #require(
            template.resources(ofType: "AWS::SecretsManager::Secret").keys.first { id in
                values.allSatisfy {
                    $0.hasPrefix("{{resolve:secretsmanager:${\(id)}:SecretString") && $0.hasSuffix("}}")
                }
            }, "X-Origin-Verify is not a dynamic reference to a secret of the template: \(values)")
        let generated = template.resources[secretId]?[path: "Properties", "GenerateSecretString"]
        #expect(generated?["PasswordLength"]?.scalar.flatMap { Int($0) }.map { $0 >= 32 } == true)
        #expect(generated?["ExcludePunctuation"]?.scalar == "true", "a header value needs no punctuation")

        let httpFunctions = Set(template.httpRoutes.map(\.function))
        #expect(httpFunctions.contains("NotFoundFunction"))
        for id in httpFunctions.sorted() {
            let variables = template.effectiveProperties(ofFunction: id)[path: "Environment", "Variables"]
            #expect(
                variables?["ORIGIN_VERIFY_SECRET_ARN"]?.referenced == secretId,
                "\(id) serves HTTP but does not check the origin header")
        }
    }

    // MARK: - WAF

    /// The web ACL exists where CloudFront takes it from (us-east-1) and is the distribution's.
    @Test func theWebACLGuardsTheDistribution() throws {
        let (id, acl) = try webACL()
        #expect(acl[path: "Properties", "Scope"]?.scalar == "CLOUDFRONT")
        let condition = try #require(acl["Condition"]?.scalar)
        let definition = template.root[path: "Conditions", condition]?.description ?? ""
        #expect(definition.contains("AWS::Region") && definition.contains("us-east-1"), "\(condition): \(definition)")
        #expect(distribution["WebACLId"]?.description.contains("\(id).Arn") == true)
    }

    /// Per client IP: the credential routes on their own, and everything together.
    @Test func rateBasedRulesLimitEachClient() throws {
        let rules = try webACLRules()
        let rateRules = rules.compactMap { rule in rule[path: "Statement", "RateBasedStatement"].map { (rule, $0) } }
        #expect(rateRules.count >= 2)
        for (rule, statement) in rateRules {
            let name = rule["Name"]?.scalar ?? "?"
            #expect(statement["AggregateKeyType"]?.scalar == "IP", "\(name) does not count per client")
            #expect(rule[path: "Action", "Block"] != nil, "\(name) does not block")
            #expect(rule[path: "Action", "Block", "CustomResponse", "ResponseCode"]?.scalar == "429", "\(name)")
            let limit = statement["Limit"]?.referenced.flatMap { template.parameters[$0]?["Default"]?.scalar }
            #expect(limit.flatMap { Int($0) }.map { $0 >= 10 } == true, "\(name): limit \(String(describing: limit))")
        }

        let general = rateRules.filter { $0.1["ScopeDownStatement"] == nil }
        #expect(general.count == 1, "no rate rule over all requests")
        let scoped = try #require(rateRules.first { $0.1["ScopeDownStatement"] != nil }?.1)
        let paths = Self.byteMatches(in: try #require(scoped["ScopeDownStatement"])).compactMap(\.searchString)
        #expect(Set(paths) == Set(Self.credentialRoutes), "the credential rule covers \(paths)")
        let scopedLimit = scoped["Limit"]?.referenced.flatMap { template.parameters[$0]?["Default"]?.scalar }
        let generalLimit = general.first?.1["Limit"]?.referenced.flatMap { template.parameters[$0]?["Default"]?.scalar }
        #expect(
            (scopedLimit.flatMap { Int($0) } ?? .max) < (generalLimit.flatMap { Int($0) } ?? 0),
            "the credential routes are not held tighter than the rest")
    }

    /// AWS's common rule set, with its 8 KB body limit only counted and enforced by a rule of
    /// ours everywhere but where chart layouts (up to 64 KiB) travel.
    @Test func managedRulesLetChartLayoutsThrough() throws {
        let rules = try webACLRules()
        let managed = try #require(
            rules.first {
                $0[path: "Statement", "ManagedRuleGroupStatement", "Name"]?.scalar == "AWSManagedRulesCommonRuleSet"
            }, "no AWSManagedRulesCommonRuleSet")
        let overrides = managed[path: "Statement", "ManagedRuleGroupStatement", "RuleActionOverrides"]?.items ?? []
        let sizeRule = overrides.first { $0["Name"]?.scalar == "SizeRestrictions_BODY" }
        #expect(sizeRule?[path: "ActionToUse", "Count"] != nil, "SizeRestrictions_BODY still blocks chart layouts")
        let managedPriority = managed["Priority"]?.scalar.flatMap { Int($0) } ?? .max

        let ours = try #require(
            rules.first { rule in
                rule[path: "Statement", "AndStatement"]?.description.contains(
                    "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body") == true
            }, "no rule acts on the SizeRestrictions_Body label")
        #expect(ours[path: "Action", "Block"] != nil)
        #expect((ours["Priority"]?.scalar.flatMap { Int($0) } ?? 0) > managedPriority, "runs before the label exists")
        let exempt = Self.byteMatches(in: try #require(ours["Statement"])).compactMap(\.searchString)
        #expect(exempt == ["/api/charts"], "large bodies are let through on \(exempt)")
    }

    /// A declared `content-length` over 256 KiB gets a 413 problem from WAF; the pattern matches
    /// exactly the numbers above 262,144 (WAF cannot compare numbers).
    @Test func aDeclaredBodyOver256KiBIsA413() throws {
        let rule = try #require(
            try webACLRules().first {
                $0[path: "Statement", "RegexMatchStatement", "FieldToMatch", "SingleHeader", "Name"]?.scalar?
                    .lowercased() == "content-length"
            }, "no rule on content-length")
        let response = rule[path: "Action", "Block", "CustomResponse"]
        #expect(response?["ResponseCode"]?.scalar == "413")
        let bodyKey = try #require(response?["CustomResponseBodyKey"]?.scalar)
        let body = try webACL().1[path: "Properties", "CustomResponseBodies", bodyKey, "Content"]?.scalar ?? ""
        let problem = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        #expect(problem?["status"] as? Int == 413 && problem?["code"] as? String == "payload_too_large")

        let pattern = try #require(rule[path: "Statement", "RegexMatchStatement", "RegexString"]?.scalar)
        let regex = try NSRegularExpression(pattern: pattern)
        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        let limit = 256 * 1024
        var samples = [0, 1, 9, 10, 99_999, 100_000, 199_999, 200_000, 262_139, 999_999, 1_000_000, 9_999_999]
        samples += (limit - 12...limit + 12).map { $0 }
        samples += [269_999, 270_000, 299_999, 300_000, 262_999, 263_000, 262_199, 262_200, 262_149, 262_150]
        var generator = SystemRandomNumberGenerator()
        samples += (0..<500).map { _ in Int.random(in: 0...5_000_000, using: &generator) }
        for number in samples {
            #expect(matches(String(number)) == (number > limit), "content-length \(number)")
            #expect(matches("00" + String(number)) == (number > limit), "content-length 00\(number)")
        }
        #expect(matches("12345678901234567890"))
        #expect(!matches("") && !matches("abc") && !matches("-300000"))
    }

    // MARK: - TLS, headers, logs

    /// With a custom domain, viewers need TLS 1.2 at least (CloudFront's own certificate keeps
    /// its default policy).
    @Test func aCustomDomainRequiresTLS12() throws {
        let certificate = try #require(distribution["ViewerCertificate"])
        let custom = Self.branches(of: certificate).first { $0["AcmCertificateArn"] != nil }
        #expect(custom?["MinimumProtocolVersion"]?.scalar == "TLSv1.2_2021")
        #expect(custom?["SslSupportMethod"]?.scalar == "sni-only")
    }

    /// Every behaviour sends the stack's security headers; the CSP fits the SPA, and lets it
    /// connect to its own origin and, once it exists, the realtime WebSocket API.
    @Test func everyResponseCarriesTheSecurityHeaders() throws {
        let behaviors =
            [distribution["DefaultCacheBehavior"]].compactMap { $0 }
            + (distribution["CacheBehaviors"]?.items ?? [])
        let policies = Set(behaviors.map { $0["ResponseHeadersPolicyId"]?.referenced })
        try #require(policies.count == 1, "behaviours use different response headers policies: \(policies)")
        let policyId = try #require(policies.first ?? nil, "a behaviour has no response headers policy of the stack")
        let config = try #require(
            template.resources[policyId]?[path: "Properties", "ResponseHeadersPolicyConfig", "SecurityHeadersConfig"])

        let hsts = config["StrictTransportSecurity"]
        #expect(hsts?["AccessControlMaxAgeSec"]?.scalar.flatMap { Int($0) }.map { $0 >= 31_536_000 } == true)
        #expect(config["ContentTypeOptions"] != nil, "no X-Content-Type-Options")
        #expect(config[path: "ReferrerPolicy", "ReferrerPolicy"]?.scalar == "strict-origin-when-cross-origin")
        for name in ["StrictTransportSecurity", "ContentTypeOptions", "ReferrerPolicy", "ContentSecurityPolicy"] {
            #expect(config[path: name, "Override"]?.scalar == "true", "\(name) does not override the origin's")
        }

        let cspNode = try #require(config[path: "ContentSecurityPolicy", "ContentSecurityPolicy"])
        let websocket = try #require(
            template.parameters.keys.first { cspNode.description.contains($0) }, "no parameter for the WebSocket API")
        #expect(template.parameters[websocket]?["Default"]?.scalar == "")
        let (plain, withWebSocket) = (Self.flatten(cspNode, if: false), Self.flatten(cspNode, if: true))
        let expected = [
            "default-src": "'self'", "img-src": "'self' data:", "style-src": "'self'", "script-src": "'self'",
            "frame-ancestors": "'none'", "base-uri": "'self'", "form-action": "'self'",
        ]
        for csp in [plain, withWebSocket] {
            let directives = Self.directives(try #require(csp))
            for (name, value) in expected {
                #expect(directives[name] == value, "\(name): \(String(describing: directives[name]))")
            }
        }
        // The stack's own WebSocket API always; a custom domain of it when the parameter names one.
        let api = "wss://${RealtimeApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"
        #expect(template.resources["RealtimeApi"]?[path: "Properties", "ProtocolType"]?.scalar == "WEBSOCKET")
        #expect(Self.directives(plain ?? "")["connect-src"] == "'self' \(api)")
        #expect(Self.directives(withWebSocket ?? "")["connect-src"] == "'self' \(api) ${\(websocket)}")
    }

    /// Access logs to a bucket of the stack that CloudFront's log delivery can write to.
    @Test func theDistributionKeepsAccessLogs() throws {
        let bucketAttribute = try #require(distribution[path: "Logging", "Bucket"]?.attribute, "no access logs")
        #expect(bucketAttribute.hasSuffix(".DomainName"))
        let bucket = try #require(template.resources[String(bucketAttribute.prefix { $0 != "." })])
        #expect(bucket["Type"]?.scalar == "AWS::S3::Bucket")
        let ownership = bucket[path: "Properties", "OwnershipControls", "Rules"]?.items?.first?["ObjectOwnership"]
        #expect(["BucketOwnerPreferred", "ObjectWriter"].contains(ownership?.scalar ?? ""), "ACLs are disabled")
        let rules = bucket[path: "Properties", "LifecycleConfiguration", "Rules"]?.items ?? []
        #expect(rules.contains { $0["ExpirationInDays"] != nil }, "the logs are kept for ever")
    }

    // MARK: -

    private func apiOrigin() throws -> TemplateNode {
        let origins = distribution["Origins"]?.items ?? []
        return try #require(
            origins.first {
                $0["CustomOriginConfig"] != nil && $0["DomainName"]?.text?.contains("execute-api") == true
            },
            "the distribution has no HTTP API origin")
    }

    private func webACL() throws -> (String, TemplateNode) {
        let acls = template.resources(ofType: "AWS::WAFv2::WebACL")
        try #require(acls.count == 1, "expected one web ACL, found \(acls.keys.sorted())")
        return acls.first!
    }

    private func webACLRules() throws -> [TemplateNode] {
        try webACL().1[path: "Properties", "Rules"]?.items ?? []
    }

    /// Both values of an `!If`, or the node itself.
    static func branches(of node: TemplateNode) -> [TemplateNode] {
        if case .intrinsic("Fn::If", .sequence(let parts)) = node, parts.count == 3 {
            return Array(parts.dropFirst())
        }
        return [node]
    }

    /// The text of scalars, `!Join` and `!Sub` (kept as written), taking `!If`'s first branch when
    /// `condition` holds, else its second.
    static func flatten(_ node: TemplateNode, if condition: Bool) -> String? {
        switch node {
        case .scalar(let text): return text
        case .intrinsic("Fn::Sub", .scalar(let text)): return text
        case .intrinsic("Fn::If", .sequence(let parts)) where parts.count == 3:
            return flatten(parts[condition ? 1 : 2], if: condition)
        case .intrinsic("Fn::Join", .sequence(let parts)) where parts.count == 2:
            guard let separator = parts[0].scalar, let items = parts[1].items else { return nil }
            let texts = items.map { flatten($0, if: condition) }
            guard !texts.contains(nil) else { return nil }
            return texts.compactMap { $0 }.joined(separator: separator)
        default: return nil
        }
    }

    /// A Content-Security-Policy's directives, by name.
    static func directives(_ policy: String) -> [String: String] {
        var directives: [String: String] = [:]
        for part in policy.split(separator: ";") {
            let words = part.split(separator: " ").map(String.init)
            guard let name = words.first else { continue }
            directives[name] = words.dropFirst().joined(separator: " ")
        }
        return directives
    }

    /// Every `ByteMatchStatement` under `node`, however deeply nested.
    static func byteMatches(in node: TemplateNode) -> [TemplateNode] {
        switch node {
        case .mapping(let entries):
            return entries.flatMap { entry in
                entry.key == "ByteMatchStatement" ? [entry.value] : byteMatches(in: entry.value)
            }
        case .sequence(let items): return items.flatMap(byteMatches)
        case .intrinsic(_, let argument): return byteMatches(in: argument)
        default: return []
        }
    }
}

extension TemplateNode {
    /// A `ByteMatchStatement`'s search string.
    fileprivate var searchString: String? { self["SearchString"]?.scalar }
}
