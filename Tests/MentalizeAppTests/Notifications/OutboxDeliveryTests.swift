import Crypto
import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// The outbox sends what was committed, by email to a real SMTP server (aiosmtpd) and to a real
/// webhook receiver: once across nodes, retried with back-off while the server is down, failed for
/// good on a permanent refusal, and never carrying patient data.
@Suite(.serialized) struct OutboxDeliveryTests {
    let avery = DemoPatients.all[0]

    private func raiseAlert(_ app: Application) async throws {
        let patient = try await SignedInClients.web(app, userID: avery.userID)
        try await patient.get("/me/diary/new")
        _ = try await patient.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": "I want to disappear.", "action": "save"])
    }

    private func configure(_ app: Application, smtp: Int?, webhook: String? = nil) {
        var settings = app.notificationSettings
        settings.smtpURL = smtp.map { "smtp://127.0.0.1:\($0)" }
        settings.webhookURL = webhook
        settings.fromAddress = "alerts@harbour.example"
        app.notificationSettings = settings
    }

    private func statuses(_ app: Application) async throws -> [String] {
        try await OutboxMessage.query(on: app.db).sort(\.$createdAt).all().map(\.status)
    }

    @Test func anAlertEmailAndWebhookAreSentOnceWithALinkAndNoPatientData() async throws {
        let smtp = try await SMTPTestServer.start()
        defer { smtp.stop() }
        let hook = try await WebhookTestReceiver.start()
        defer { hook.stop() }
        try await withTestApp(options: .init(seedDemo: true)) { app in
            configure(app, smtp: smtp.port, webhook: hook.url)
            app.notificationSettings.webhookURL = hook.url
            try await raiseAlert(app)
            // Two nodes deliver at the same moment: each message goes once.
            async let first = OutboxDelivery(application: app, node: "node-a").deliverDue(now: app.clock.now())
            async let second = OutboxDelivery(application: app, node: "node-b").deliverDue(now: app.clock.now())
            let (a, b) = try await (first, second)
            #expect(a.sent + b.sent == 2 && a.failed + b.failed == 0)
            #expect(try await OutboxDelivery(application: app, node: "node-a").deliverDue(now: app.clock.now()).sent == 0)

            let mail = try smtp.receivedMessages()
            #expect(mail.count == 1)
            let message = try #require(mail.first)
            #expect(message.facts.rcptTos == [DemoStaff.therapistAsh.username] && message.facts.mailFrom == "alerts@harbour.example")
            #expect(message.facts.subject == "A risk alert needs attention in Mentalize")
            let alert = try #require(try await RiskAlert.query(on: app.db).first())
            #expect(message.facts.body.contains("http://127.0.0.1:0" + SiteRoute.alert.path(alert: try alert.requireID())))

            let calls = try hook.received()
            #expect(calls.count == 1)
            let call = try #require(calls.first)
            let payload = try JSONSerialization.jsonObject(with: Data(call.body.utf8)) as? [String: Any]
            #expect(payload?["kind"] as? String == "risk-alert" && payload?["recipient"] as? String == DemoStaff.therapistAsh.username)
            // The signature is the HMAC of "timestamp.body" under the key `mentalize webhook-key` prints.
            let timestamp = try #require(call.headers["x-mentalize-timestamp"])
            let expected = WebhookSender.signature(body: Data(call.body.utf8), timestamp: timestamp, key: WebhookSender.signingKey(try app.secretKey))
            #expect(call.headers["x-mentalize-signature"] == "sha256=" + expected)

            for text in [message.raw, call.body] {
                for secret in ["Avery", "Testpatient", "disappear", "diary"] {
                    #expect(!text.contains(secret), "\(secret) left the system")
                }
            }
            // Sent messages keep their kind and recipient only.
            for row in try await OutboxMessage.query(on: app.db).all() {
                #expect(row.status == "sent" && row.contentSealed == nil && row.sentAt != nil)
            }
        }
    }

    @Test func aServerThatIsDownIsRetriedWithBackOffUntilItIsBack() async throws {
        let gone = try await SMTPTestServer.start()
        let closedPort = gone.port
        gone.stop()
        try await withTestApp(options: .init(seedDemo: true)) { app in
            configure(app, smtp: closedPort)
            try await raiseAlert(app)
            let delivery = OutboxDelivery(application: app, node: "node-a")
            #expect(try await delivery.deliverDue(now: app.clock.now()).failed == 1)
            let waiting = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(waiting.status == "queued" && waiting.attempts == 1 && waiting.contentSealed != nil)
            #expect(waiting.lastError?.contains("Connection refused") == true, "\(waiting.lastError ?? "")")
            #expect(waiting.nextAttemptAt.timeIntervalSince(app.clock.now()) > 29)
            // Not due again before its back-off.
            #expect(try await delivery.deliverDue(now: app.clock.now()).failed == 0)
            app.clock.advance(by: 31)
            #expect(try await delivery.deliverDue(now: app.clock.now()).failed == 1)
            #expect(try await OutboxMessage.query(on: app.db).first()?.nextAttemptAt.timeIntervalSince(app.clock.now()) ?? 0 > 59)

            let back = try await SMTPTestServer.start()
            defer { back.stop() }
            configure(app, smtp: back.port)
            app.clock.advance(by: 61)
            #expect(try await delivery.deliverDue(now: app.clock.now()).sent == 1)
            #expect(try back.receivedMessages().count == 1)
            #expect(try await statuses(app) == ["sent"])
        }
    }

    @Test func aPermanentRefusalFailsAtOnceAndAClaimLeftByAKilledNodeIsTakenOver() async throws {
        let refusing = try await SMTPTestServer.start(["--refuse"])
        defer { refusing.stop() }
        try await withTestApp(options: .init(seedDemo: true)) { app in
            configure(app, smtp: refusing.port)
            try await raiseAlert(app)
            // A node claimed the message and died before sending: after the claim lapses another node sends it.
            let claimed = try await OutboxClaims(database: try app.sql, node: "killed").claimDue(now: app.clock.now(), limit: 10)
            #expect(claimed.count == 1)
            let delivery = OutboxDelivery(application: app, node: "node-b")
            #expect(try await delivery.deliverDue(now: app.clock.now()) == (0, 0))
            app.clock.advance(by: OutboxClaims.claimLifetime + 1)
            #expect(try await delivery.deliverDue(now: app.clock.now()).failed == 1)
            let failed = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(failed.status == "failed" && failed.contentSealed == nil && failed.lastError?.contains("550") == true)
            #expect(try refusing.receivedMessages().isEmpty)
        }
    }
}
