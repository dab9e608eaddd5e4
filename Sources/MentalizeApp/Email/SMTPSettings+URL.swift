import Foundation

extension SMTPSettings {
    /// Parses `smtp://user:pass@host:587` (STARTTLS, default port 587) or
    /// `smtps://user:pass@host:465` (implicit TLS, default port 465).
    ///
    /// User and password are percent-decoded. The optional query item `ca=/path/ca.pem`
    /// names a PEM file of extra trust roots.
    /// - Throws: ``SMTPSettingsError`` naming what is wrong (never the password).
    public init(url: String, heloName: String = "localhost", timeout: Duration = .seconds(30)) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme else {
            throw SMTPSettingsError.invalidURL
        }
        switch scheme.lowercased() {
        case "smtp": security = .startTLS
        case "smtps": security = .implicitTLS
        default: throw SMTPSettingsError.unsupportedScheme(scheme)
        }

        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        guard !host.isEmpty else { throw SMTPSettingsError.missingHost }
        self.host = host.lowercased()

        port = components.port ?? (security == .implicitTLS ? 465 : 587)
        guard (1...65535).contains(port) else { throw SMTPSettingsError.invalidPort(port) }
        guard components.path.isEmpty || components.path == "/" else { throw SMTPSettingsError.unexpectedPath }

        credentials = try Self.credentials(user: components.user, password: components.password)
        trustRootsFile = try Self.trustRootsFile(in: components.queryItems ?? [])

        guard Self.isValidHeloName(heloName) else { throw SMTPSettingsError.invalidHeloName }
        self.heloName = heloName
        guard timeout > .zero else { throw SMTPSettingsError.invalidTimeout }
        self.timeout = timeout
    }

    private static func credentials(user: String?, password: String?) throws -> Credentials? {
        switch (user ?? "", password) {
        case ("", nil): nil
        case ("", .some): throw SMTPSettingsError.missingUser
        case (_, nil): throw SMTPSettingsError.missingPassword
        case (let user, .some(let password)): Credentials(user: user, password: password)
        }
    }

    private static func trustRootsFile(in items: [URLQueryItem]) throws -> String? {
        var path: String?
        for item in items {
            guard item.name == "ca" else { throw SMTPSettingsError.unknownOption(item.name) }
            guard let value = item.value, !value.isEmpty else { throw SMTPSettingsError.emptyTrustRootsPath }
            path = value
        }
        return path
    }

    private static func isValidHeloName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255
            && name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
    }
}
