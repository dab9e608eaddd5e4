import Foundation
import Vapor

/// Sends one notification email through the configured SMTP server, turning the client's errors
/// into ``DeliveryFailure``s the outbox understands (a 5xx reply is permanent; the rest are retried).
struct EmailSender {
    let application: Application
    let smtpURL: String
    let fromAddress: String

    func send(to address: String, subject: String, body: String) async throws {
        let settings: SMTPSettings
        let message: EmailMessage
        do {
            settings = try SMTPSettings(url: smtpURL)
            message = try EmailMessage(from: fromAddress, fromName: "Mentalize", to: address, subject: subject, body: body)
        } catch {
            throw DeliveryFailure(description: String(describing: error), isPermanent: true)
        }
        do {
            try await SMTPClient(settings: settings, eventLoopGroup: application.eventLoopGroup, logger: application.logger).send(message)
        } catch let error as SMTPError {
            throw DeliveryFailure(description: error.description, isPermanent: error.isPermanent)
        }
    }
}
