#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The process environment Lambda gives a function: its reserved variables, the defaults of
/// the ones a function may change, and then the function's own.
enum StandardEnvironment {
    /// Variables Lambda reserves: a function's configuration cannot set them.
    static let reservedNames: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ",
    ]

    static func variables(
        for function: FunctionDefinition,
        runtimeAPI: String,
        region: String,
        logStreamName: String
    ) -> [String: String] {
        let taskRoot = directory(of: function.executablePath)
        var variables: [String: String] = [
            // Unreserved: a function may change these.
            "PATH": "/usr/local/bin:/usr/bin/:/bin:/opt/bin",
            "LANG": "en_US.UTF-8",
            "LD_LIBRARY_PATH": libraryPath(taskRoot: taskRoot),
            // Lambda gives every function its role's credentials. Locally they are fixed ones that
            // the local emulators accept, so that a function signs its calls as on AWS; a
            // function's own (a test pointing it at a stand-in) win.
            "AWS_ACCESS_KEY_ID": LocalCredentials.accessKeyID,
            "AWS_SECRET_ACCESS_KEY": LocalCredentials.secretAccessKey,
            "AWS_SESSION_TOKEN": LocalCredentials.sessionToken,
        ]
        for (name, value) in function.environment where !reservedNames.contains(name) {
            variables[name] = value
        }
        variables["AWS_LAMBDA_RUNTIME_API"] = runtimeAPI
        variables["AWS_LAMBDA_FUNCTION_NAME"] = function.name
        variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = String(function.memorySizeMB)
        variables["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST"
        variables["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand"
        variables["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/\(function.name)"
        variables["AWS_LAMBDA_LOG_STREAM_NAME"] = logStreamName
        variables["AWS_REGION"] = region
        variables["AWS_DEFAULT_REGION"] = region
        variables["LAMBDA_TASK_ROOT"] = taskRoot
        variables["LAMBDA_RUNTIME_DIR"] = taskRoot
        variables["_HANDLER"] = function.handler
        variables["TZ"] = ":UTC"
        return variables
    }

    /// Lambda's library path, with the host's appended: locally built executables may need the
    /// host's toolchain libraries, which Lambda's images would carry in the function's package.
    private static func libraryPath(taskRoot: String) -> String {
        let lambda = "/lib64:/usr/lib64:\(taskRoot):\(taskRoot)/lib:/opt/lib"
        guard let host = getenv("LD_LIBRARY_PATH").map({ String(cString: $0) }), !host.isEmpty else { return lambda }
        return lambda + ":" + host
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `2026/11/25/[$LATEST]<32 hex digits>`, the form of Lambda's log stream names.
    static func logStreamName(epochSeconds: Int64) -> String {
        var time = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(parts.tm_year + 1900)/\(pad(parts.tm_mon + 1))/\(pad(parts.tm_mday))/[$LATEST]"
            + RandomIdentifiers.hex(byteCount: 16)
    }
}
