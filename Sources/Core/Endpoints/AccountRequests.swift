/// Reading and validating the bodies of the account routes.
enum AccountRequests {
    struct SignUp {
        var email: EmailAddress
        var password: String
        var displayName: String?
    }

    static func signUp(_ request: HTTPRequest) throws -> SignUp {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let emailText = body.string("email", required: true, errors: &errors)
        let password = body.string("password", required: true, errors: &errors)
        let displayNameText = body.string("display_name", required: false, errors: &errors)
        var email: EmailAddress?
        if let emailText {
            switch EmailAddress.parse(emailText) {
            case .success(let parsed): email = parsed
            case .failure(let error): errors.add(error)
            }
        }
        if let password { PasswordPolicy.validate(password, field: "password", errors: &errors) }
        let displayName = displayNameText.flatMap { DisplayName.validate($0, errors: &errors) }
        try errors.check()
        return SignUp(email: email!, password: password!, displayName: displayName)
    }

    /// Login checks only presence and type: a malformed email is simply not an account (401).
    static func credentials(_ request: HTTPRequest) throws -> (email: String, password: String) {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let email = body.string("email", required: true, errors: &errors)
        let password = body.string("password", required: true, errors: &errors)
        try errors.check()
        return (email!, password!)
    }

    static func refreshToken(_ request: HTTPRequest) throws -> RefreshToken {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let token = body.string("refresh_token", required: true, errors: &errors)
        try errors.check()
        return RefreshToken(value: token!)
    }

    static func displayName(_ request: HTTPRequest) throws -> String {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let text = body.string("display_name", required: true, errors: &errors)
        let name = text.flatMap { DisplayName.validate($0, errors: &errors) }
        try errors.check()
        return name!
    }

    static func passwordChange(_ request: HTTPRequest) throws -> (current: String, new: String) {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let current = body.string("current_password", required: true, errors: &errors)
        let new = body.string("new_password", required: true, errors: &errors)
        if let new { PasswordPolicy.validate(new, field: "new_password", errors: &errors) }
        try errors.check()
        return (current!, new!)
    }

    static func password(_ request: HTTPRequest) throws -> String {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let password = body.string("password", required: true, errors: &errors)
        try errors.check()
        return password!
    }
}
