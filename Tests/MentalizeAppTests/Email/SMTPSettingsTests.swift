import Testing
@testable import MentalizeApp

@Suite("SMTPSettings parses SMTP URLs")
struct SMTPSettingsTests {
    @Test("smtp:// means STARTTLS on port 587 by default")
    func smtpDefaults() throws {
        let settings = try SMTPSettings(url: "smtp://mail.example.org")
        #expect(settings.host == "mail.example.org")
        #expect(settings.port == 587)
        #expect(settings.security == .startTLS)
        #expect(settings.credentials == nil)
        #expect(settings.trustRootsFile == nil)
        #expect(settings.heloName == "localhost")
        #expect(settings.timeout == .seconds(30))
    }

    @Test("smtps:// means implicit TLS on port 465 by default")
    func smtpsDefaults() throws {
        let settings = try SMTPSettings(url: "SMTPS://Mail.Example.org")
        #expect(settings.host == "mail.example.org")
        #expect(settings.port == 465)
        #expect(settings.security == .implicitTLS)
    }

    @Test("explicit port, percent-decoded credentials, CA file")
    func fullURL() throws {
        let url = "smtp://clinic%40example.org:p%40ss%3Aw%2Frd%25%20x@mail.example.org:2525?ca=/etc/clinic/ca%20root.pem"
        let settings = try SMTPSettings(url: url, heloName: "app.clinic.example", timeout: .seconds(5))
        #expect(settings.port == 2525)
        #expect(settings.credentials == SMTPSettings.Credentials(user: "clinic@example.org", password: "p@ss:w/rd% x"))
        #expect(settings.trustRootsFile == "/etc/clinic/ca root.pem")
        #expect(settings.heloName == "app.clinic.example")
        #expect(settings.timeout == .seconds(5))
    }

    @Test("IPv6 literal hosts lose their brackets")
    func ipv6Host() throws {
        let settings = try SMTPSettings(url: "smtp://[::1]:25")
        #expect(settings.host == "::1")
        #expect(settings.isLoopbackHost)
        #expect(settings.redacted == "smtp://[::1]:25")
    }

    @Test("invalid URLs throw an error naming the problem", arguments: [
        ("smtp:///", SMTPSettingsError.missingHost),
        ("smtp://", .missingHost),
        ("http://mail.example.org", .unsupportedScheme("http")),
        ("mail.example.org:25", .unsupportedScheme("mail.example.org")),
        ("smtp://mail.example.org:0", .invalidPort(0)),
        ("smtp://mail.example.org:70000", .invalidPort(70000)),
        ("smtp://user@mail.example.org", .missingPassword),
        ("smtp://:secret@mail.example.org", .missingUser),
        ("smtp://mail.example.org/inbox", .unexpectedPath),
        ("smtp://mail.example.org?cafile=/x.pem", .unknownOption("cafile")),
        ("smtp://mail.example.org?ca=", .emptyTrustRootsPath),
        ("not a url at all %%%", .invalidURL),
    ])
    func invalidURLs(url: String, expected: SMTPSettingsError) {
        #expect(throws: expected) { try SMTPSettings(url: url) }
    }

    @Test("invalid HELO name and timeout are refused")
    func invalidOptions() {
        #expect(throws: SMTPSettingsError.invalidHeloName) { try SMTPSettings(url: "smtp://h", heloName: "a b") }
        #expect(throws: SMTPSettingsError.invalidHeloName) { try SMTPSettings(url: "smtp://h", heloName: "a\r\nQUIT") }
        #expect(throws: SMTPSettingsError.invalidTimeout) { try SMTPSettings(url: "smtp://h", timeout: .zero) }
    }

    @Test("the password appears neither in errors nor in descriptions")
    func passwordNeverShown() throws {
        let secret = "Sup3rS3cret"
        for url in ["smtp://u:\(secret)@:25", "smtp://u:\(secret)@h:99999", "smtp://u:\(secret)@h/p",
                    "ftp://u:\(secret)@h", "smtp://u:\(secret)@h?x=1"] {
            let error = #expect(throws: SMTPSettingsError.self) { try SMTPSettings(url: url) }
            #expect(error.map { !"\($0)".contains(secret) } == true)
        }
        let settings = try SMTPSettings(url: "smtps://clinic%40example.org:\(secret)@mail.example.org?ca=/ca.pem")
        #expect(settings.redacted == "smtps://clinic%40example.org:***@mail.example.org:465?ca=/ca.pem")
        #expect(!"\(settings)".contains(secret))
        #expect(!"\(try #require(settings.credentials))".contains(secret))
    }

    @Test("loopback hosts", arguments: [
        ("localhost", true), ("LOCALHOST", true), ("127.0.0.1", true), ("127.1.2.3", true),
        ("::1", true), ("0:0:0:0:0:0:0:1", true), ("128.0.0.1", false), ("10.0.0.1", false),
        ("localhost.example.org", false), ("127.0.0.1.example.org", false), ("::2", false),
        ("mail.example.org", false),
    ])
    func loopback(host: String, expected: Bool) {
        #expect(LoopbackHost.contains(host) == expected)
    }

    @Test("without STARTTLS only a loopback host may continue in plain text")
    func startTLSPolicy() throws {
        let remote = try SMTPSettings(url: "smtp://mail.example.org")
        let local = try SMTPSettings(url: "smtp://127.0.0.1:2525")
        #expect(try StartTLSPolicy.useStartTLS(offered: true, settings: remote))
        #expect(try StartTLSPolicy.useStartTLS(offered: true, settings: local))
        #expect(try !StartTLSPolicy.useStartTLS(offered: false, settings: local))
        let error = #expect(throws: SMTPError.self) { try StartTLSPolicy.useStartTLS(offered: false, settings: remote) }
        #expect(error?.reason == .startTLSNotOffered)
        #expect(error?.message.contains("offered no STARTTLS") == true)
    }
}
