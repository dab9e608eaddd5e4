import Foundation
import Logging
import NIOPosix
@testable import MentalizeApp

/// Shared values and helpers of the end-to-end client tests.
enum SMTPTestSupport {
    static let logger: Logger = {
        var logger = Logger(label: "email-tests") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return logger
    }()

    static func client(_ url: String, timeout: Duration = .seconds(10)) throws -> SMTPClient {
        let settings = try SMTPSettings(url: url, timeout: timeout)
        return SMTPClient(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
    }

    /// `?ca=<path>` for a URL.
    static func caQuery(_ server: SMTPTestServer) -> String {
        "?ca=" + (server.caFile.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? server.caFile)
    }

    static func message(subject: String = "Appointment reminder", body: String = "See you on Monday.\n") throws -> EmailMessage {
        try EmailMessage(from: "noreply@clinic.example", fromName: "Clinique Émile", to: "patient@example.org",
                         subject: subject, body: body)
    }

    /// `text` with the values of its Date and Message-ID headers replaced by placeholders.
    static func withoutDateAndMessageID(_ text: String) -> String {
        text.components(separatedBy: "\r\n").map { line in
            if line.hasPrefix("Date: ") { return "Date: *" }
            if line.hasPrefix("Message-ID: ") { return "Message-ID: *" }
            return line
        }.joined(separator: "\r\n")
    }

    /// Runs `body` with a started test server, stopping it afterwards.
    static func withServer<T>(_ options: [String] = [], _ body: (SMTPTestServer) async throws -> T) async throws -> T {
        let server = try await SMTPTestServer.start(options)
        defer { server.stop() }
        return try await body(server)
    }

    /// The error `operation` throws, or nil.
    static func smtpError(_ operation: () async throws -> Void) async -> SMTPError? {
        do {
            try await operation()
            return nil
        } catch {
            return error as? SMTPError
        }
    }
}
