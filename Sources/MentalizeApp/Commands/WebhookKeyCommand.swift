import ArgumentParser
import Foundation

/// `mentalize webhook-key`: prints the key the clinic's webhook receiver checks signatures with
/// (derived from the installation key, which itself never leaves the machine).
struct WebhookKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook-key",
        abstract: "Print the HMAC-SHA256 key that signs webhook notifications (give it to the receiving gateway)."
    )

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await withStoredApplication(storage) { app in
            print(WebhookSender.signingKeyHex(try app.secretKey))
        }
    }
}
