import Foundation

/// SMTP AUTH with PLAIN (preferred) or LOGIN, whichever the server offers.
enum SMTPAuthentication {
    enum Mechanism: String, Sendable {
        case plain = "PLAIN"
        case login = "LOGIN"
    }

    /// PLAIN when offered, else LOGIN, else nil.
    static func mechanism(offered: Set<String>) -> Mechanism? {
        if offered.contains(Mechanism.plain.rawValue) { return .plain }
        if offered.contains(Mechanism.login.rawValue) { return .login }
        return nil
    }

    /// Authenticates and expects 235. Steps are named "AUTH PLAIN" / "AUTH LOGIN"; no secret appears in errors.
    static func authenticate(_ credentials: SMTPSettings.Credentials, offered: Set<String>,
                             on connection: SMTPConnection) async throws {
        guard let mechanism = mechanism(offered: offered) else {
            let offeredText = offered.isEmpty ? "none" : offered.sorted().joined(separator: " ")
            throw SMTPError(.authenticationNotOffered, step: "AUTH",
                            message: "server offers neither AUTH PLAIN nor AUTH LOGIN (offered: \(offeredText))")
        }
        let step = "AUTH \(mechanism.rawValue)"
        switch mechanism {
        case .plain:
            let token = base64("\0\(credentials.user)\0\(credentials.password)")
            try await connection.command("AUTH PLAIN \(token)", step: step, expecting: [235])
        case .login:
            try await connection.command("AUTH LOGIN", step: step, expecting: [334])
            try await connection.command(base64(credentials.user), step: step, expecting: [334])
            try await connection.command(base64(credentials.password), step: step, expecting: [235])
        }
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
