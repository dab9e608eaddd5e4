import Foundation
import NIOCore
import Testing
@testable import MentalizeApp

@Suite("SMTPClient failures are classified for the outbox")
struct SMTPClientFailureTests {
    @Test("STARTTLS with a certificate from an untrusted CA fails and delivers nothing")
    func untrustedCertificate() async throws {
        let (error, received) = try await SMTPTestSupport.withServer(["--starttls"]) { server in
            let client = try SMTPTestSupport.client("smtp://127.0.0.1:\(server.port)")
            let error = await SMTPTestSupport.smtpError { try await client.send(SMTPTestSupport.message()) }
            return (error, try server.receivedMessages().count)
        }
        let failure = try #require(error)
        #expect(failure.reason == .tlsFailed)
        #expect(failure.message.contains("CERTIFICATE_VERIFY_FAILED"))
        #expect(!failure.isPermanent)
        #expect(received == 0)
    }

    @Test("a certificate for another host name fails even from a trusted CA")
    func wrongHostName() async throws {
        let (error, received) = try await SMTPTestSupport.withServer(["--implicit-tls", "--cert-name", "mail.other.example"]) { server in
            let client = try SMTPTestSupport.client("smtps://127.0.0.1:\(server.port)" + SMTPTestSupport.caQuery(server))
            let error = await SMTPTestSupport.smtpError { try await client.send(SMTPTestSupport.message()) }
            return (error, try server.receivedMessages().count)
        }
        #expect(error?.reason == .tlsFailed)
        #expect(error?.step == "TLS handshake and greeting")
        #expect(error?.message.contains("failedToValidateHostname") == true)
        #expect(received == 0)
    }

    @Test("a wrong password is a permanent error that does not show the password")
    func wrongPassword() async throws {
        let error = try await SMTPTestSupport.withServer(["--starttls", "--auth", "user:right"]) { server in
            let url = "smtp://user:Wr0ngPassw0rd@127.0.0.1:\(server.port)" + SMTPTestSupport.caQuery(server)
            let client = try SMTPTestSupport.client(url)
            return await SMTPTestSupport.smtpError { try await client.send(SMTPTestSupport.message()) }
        }
        let failure = try #require(error)
        #expect(failure.code == 535)
        #expect(failure.step == "AUTH PLAIN")
        #expect(failure.isPermanent)
        #expect(!failure.description.contains("Wr0ngPassw0rd"))
    }

    @Test("credentials but no AUTH offered (plain loopback server) fails clearly")
    func authenticationNotOffered() async throws {
        let error = try await SMTPTestSupport.withServer { server in
            let client = try SMTPTestSupport.client("smtp://user:secret@127.0.0.1:\(server.port)")
            return await SMTPTestSupport.smtpError { try await client.send(SMTPTestSupport.message()) }
        }
        #expect(error?.reason == .authenticationNotOffered)
    }

    @Test("a refused recipient (550) is permanent and nothing is delivered")
    func refusedRecipient() async throws {
        let (error, received) = try await SMTPTestSupport.withServer(["--refuse"]) { server in
            let client = try SMTPTestSupport.client("smtp://127.0.0.1:\(server.port)")
            let error = await SMTPTestSupport.smtpError { try await client.send(SMTPTestSupport.message()) }
            return (error, try server.receivedMessages().count)
        }
        let failure = try #require(error)
        #expect(failure.code == 550)
        #expect(failure.step == "RCPT TO")
        #expect(failure.message.contains("Recipient refused"))
        #expect(failure.isPermanent)
        #expect(received == 0)
    }

    @Test("a temporary failure (451) is transient")
    func temporaryFailure() async throws {
        let error = try await SMTPTestSupport.withServer(["--tempfail"]) { server in
            let client = try SMTPTestSupport.client("smtp://127.0.0.1:\(server.port)")
            return await SMTPTestSupport.smtpError { try await client.send(SMTPTestSupport.message()) }
        }
        let failure = try #require(error)
        #expect(failure.code == 451)
        #expect(failure.step == "end of DATA")
        #expect(!failure.isPermanent)
    }

    @Test("a closed port is a transient connection failure")
    func closedPort() async throws {
        let port = try await TCPTestListeners.closedPort()
        let client = try SMTPTestSupport.client("smtp://127.0.0.1:\(port)")
        let failure = try #require(await SMTPTestSupport.smtpError { try await client.send(SMTPTestSupport.message()) })
        #expect(failure.reason == .connectionFailed)
        #expect(failure.step == "connect")
        #expect(!failure.isPermanent)
    }

    @Test("a server that never answers times out within the configured timeout")
    func silentServer() async throws {
        let (listener, port) = try await TCPTestListeners.silent()
        let client = try SMTPTestSupport.client("smtp://127.0.0.1:\(port)", timeout: .milliseconds(500))
        let clock = ContinuousClock()
        let start = clock.now
        let error = await SMTPTestSupport.smtpError { try await client.send(SMTPTestSupport.message()) }
        let elapsed = clock.now - start
        try await listener.close()
        let failure = try #require(error)
        #expect(failure.reason == .timeout)
        #expect(failure.step == "greeting")
        #expect(!failure.isPermanent)
        // Well before the 30 s default: the configured 0.5 s timer fired (generous for a loaded machine).
        #expect(elapsed < .seconds(15))
    }

    @Test("cancelling a send closes the connection at once and throws CancellationError")
    func cancellation() async throws {
        let (listener, port) = try await TCPTestListeners.silent()
        let client = try SMTPTestSupport.client("smtp://127.0.0.1:\(port)", timeout: .seconds(60))
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task { try await client.send(SMTPTestSupport.message()) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        let elapsed = clock.now - start
        try await listener.close()
        #expect(throws: CancellationError.self) { try result.get() }
        // Far sooner than the 60 s timeout: cancelling closed the connection (generous for a loaded machine).
        #expect(elapsed < .seconds(20))
    }

    @Test("header injection in the subject throws before any connection")
    func headerInjection() async throws {
        #expect(throws: EmailMessageError.controlCharacterInHeader(field: "subject")) {
            try SMTPTestSupport.message(subject: "Hello\r\nBcc: everyone@example.org")
        }
    }
}
