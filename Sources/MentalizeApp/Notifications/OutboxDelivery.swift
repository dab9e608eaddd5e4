import Fluent
import Foundation
import SQLKit
import Vapor

/// Sends what is due in the outbox: claims messages (``OutboxClaims``), sends each by email or
/// webhook, and records the outcome. A transient failure is retried after 30 s, 1 min, 2 min ...
/// (at most an hour apart) until ``maximumAttempts``; a permanent one fails at once. Content is
/// cleared when a message is sent or has failed for good.
struct OutboxDelivery {
    let application: Application
    let node: String

    static let maximumAttempts = 12

    /// Sends the due messages; the number sent and the number that failed this pass.
    @discardableResult
    func deliverDue(now: Date, limit: Int = 50) async throws -> (sent: Int, failed: Int) {
        guard let sql = application.db as? any SQLDatabase else { return (0, 0) }
        let claimed = try await OutboxClaims(database: sql, node: node).claimDue(now: now, limit: limit)
        guard !claimed.isEmpty else { return (0, 0) }
        let cipher = FieldCipher(secretKey: try application.secretKey, purpose: "outbox")
        let baseURL = try await publicBaseURL()
        var tally = (sent: 0, failed: 0)
        for id in claimed {
            guard let message = try await OutboxMessage.find(id, on: application.db) else { continue }
            do {
                guard let content = try Outbox.content(of: message, cipher: cipher) else { throw DeliveryFailure(description: "the message has no content", isPermanent: true) }
                try await send(message, content: content, link: baseURL + content.linkPath, now: now)
                try await record(message, error: nil, now: now)
                tally.sent += 1
            } catch {
                let failure = error as? DeliveryFailure ?? DeliveryFailure(description: String(describing: error), isPermanent: false)
                try await record(message, error: failure, now: now)
                tally.failed += 1
            }
        }
        return tally
    }

    private func send(_ message: OutboxMessage, content: NotificationContent, link: String, now: Date) async throws {
        let settings = application.notificationSettings
        switch OutboxMessage.Medium(rawValue: message.channel) {
        case .email:
            guard let smtpURL = settings.smtpURL else { throw DeliveryFailure(description: "no SMTP server is configured (--smtp-url)", isPermanent: false) }
            try await EmailSender(application: application, smtpURL: smtpURL, fromAddress: settings.fromAddress)
                .send(to: message.recipient, subject: content.subject, body: content.body + "\n\n" + link)
        case .webhook:
            guard let webhookURL = settings.webhookURL else { throw DeliveryFailure(description: "no webhook is configured (--notify-webhook)", isPermanent: false) }
            try await WebhookSender(application: application, url: webhookURL)
                .send(WebhookPayload(id: try message.requireID(), kind: message.kind, recipient: message.recipient, text: content.subject, link: link, createdAt: message.createdAt))
        case nil:
            throw DeliveryFailure(description: "unknown channel \(message.channel)", isPermanent: true)
        }
    }

    private func record(_ message: OutboxMessage, error failure: DeliveryFailure?, now: Date) async throws {
        message.claimedBy = nil
        message.claimedUntil = nil
        if let failure {
            message.lastError = String(failure.description.prefix(300))
            if failure.isPermanent || message.attempts >= Self.maximumAttempts {
                message.status = OutboxMessage.Status.failed.rawValue
                message.contentSealed = nil
            } else {
                message.status = OutboxMessage.Status.queued.rawValue
                message.nextAttemptAt = now.addingTimeInterval(Self.backOff(afterAttempt: message.attempts))
            }
        } else {
            message.status = OutboxMessage.Status.sent.rawValue
            message.sentAt = now
            message.contentSealed = nil
            message.lastError = nil
        }
        try await message.update(on: application.db)
    }

    /// 30 s after the first attempt, doubling, at most an hour.
    static func backOff(afterAttempt attempt: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(max(0, attempt - 1))))
    }

    /// The clinic's public address, or the one `serve` was started with.
    private func publicBaseURL() async throws -> String {
        if let address = try await ClinicQueries(database: application.db).first()?.publicURL, !address.isEmpty { return address }
        return application.notificationSettings.fallbackBaseURL
    }
}
