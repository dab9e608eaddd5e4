import Foundation
import Testing
@testable import MentalizeApp

@Suite("SMTPClient delivers to a real SMTP server")
struct SMTPClientDeliveryTests {
    @Test("plain text on loopback without STARTTLS: the message arrives byte-correct")
    func plainLoopback() async throws {
        let body = "Bonjour Zoé,\n.this line starts with a dot\n..and this one with two\nÀ bientôt\n"
        let message = try SMTPTestSupport.message(subject: "Rendez-vous confirmé ✓", body: body)
        let received = try await SMTPTestSupport.withServer { server in
            try await SMTPTestSupport.client("smtp://127.0.0.1:\(server.port)").send(message)
            return try server.receivedMessages()
        }
        let first = try #require(received.first)
        #expect(received.count == 1)
        #expect(first.facts.tls == false)
        #expect(first.facts.mailFrom == "noreply@clinic.example")
        #expect(first.facts.rcptTos == ["patient@example.org"])
        #expect(first.facts.subject == "Rendez-vous confirmé ✓")
        #expect(first.facts.from == "Clinique Émile <noreply@clinic.example>")
        #expect(first.facts.body.replacingOccurrences(of: "\r\n", with: "\n") == body)
        #expect(SMTPTestSupport.withoutDateAndMessageID(first.raw)
            == SMTPTestSupport.withoutDateAndMessageID(message.rendered()))
        #expect(first.raw.contains("\r\n.this line starts with a dot\r\n..and this one with two\r\n"))
        #expect(first.raw.contains("\r\nMessage-ID: <"))
        #expect(first.raw.contains("@clinic.example>\r\n"))
    }

    @Test("STARTTLS with AUTH PLAIN, trusting the CA from ?ca=")
    func startTLSWithAuthPlain() async throws {
        let facts = try await SMTPTestSupport.withServer(
            ["--starttls", "--require-starttls", "--auth", "clinic@example.org:p@ss w%rd"]
        ) { server in
            let url = "smtp://clinic%40example.org:p%40ss%20w%25rd@127.0.0.1:\(server.port)" + SMTPTestSupport.caQuery(server)
            try await SMTPTestSupport.client(url).send(SMTPTestSupport.message())
            return try server.receivedMessages().map(\.facts)
        }
        #expect(facts.count == 1)
        #expect(facts.first?.tls == true)
        #expect(facts.first?.authLogin == "clinic@example.org")
        #expect(facts.first?.authMechanism == "PLAIN")
    }

    @Test("STARTTLS with AUTH LOGIN when the server does not offer PLAIN")
    func startTLSWithAuthLogin() async throws {
        let facts = try await SMTPTestSupport.withServer(
            ["--starttls", "--auth", "user:secret", "--auth-exclude", "PLAIN"]
        ) { server in
            let url = "smtp://user:secret@127.0.0.1:\(server.port)" + SMTPTestSupport.caQuery(server)
            try await SMTPTestSupport.client(url).send(SMTPTestSupport.message())
            return try server.receivedMessages().map(\.facts)
        }
        #expect(facts.count == 1)
        #expect(facts.first?.tls == true)
        #expect(facts.first?.authMechanism == "LOGIN")
    }

    @Test("implicit TLS (smtps) to localhost, host name verified, with AUTH")
    func implicitTLS() async throws {
        let facts = try await SMTPTestSupport.withServer(["--implicit-tls", "--auth", "user:secret"]) { server in
            let url = "smtps://user:secret@localhost:\(server.port)" + SMTPTestSupport.caQuery(server)
            try await SMTPTestSupport.client(url).send(SMTPTestSupport.message())
            return try server.receivedMessages().map(\.facts)
        }
        #expect(facts.count == 1)
        #expect(facts.first?.tls == true)
        #expect(facts.first?.authLogin == "user")
    }

    @Test("several messages, one connection each")
    func severalMessages() async throws {
        let subjects = try await SMTPTestSupport.withServer(["--starttls"]) { server in
            let client = try SMTPTestSupport.client("smtp://127.0.0.1:\(server.port)" + SMTPTestSupport.caQuery(server))
            for number in 1...3 {
                try await client.send(SMTPTestSupport.message(subject: "Message \(number)"))
            }
            return try server.receivedMessages().map(\.facts.subject)
        }
        #expect(subjects == ["Message 1", "Message 2", "Message 3"])
    }
}
