import Foundation

/// A running `webhook_receiver.py` (a real HTTP server on 127.0.0.1) and the requests it got.
struct WebhookTestReceiver {
    struct Received: Decodable {
        let path: String
        let headers: [String: String]
        let body: String
    }

    let port: Int
    private let running: PythonTestProcess

    var url: String { "http://127.0.0.1:\(port)/hooks/mentalize" }

    static func start(status: Int = 204) async throws -> WebhookTestReceiver {
        guard let script = SMTPTestEnvironment.webhookScript else { throw PythonTestProcess.StartFailed(description: "webhook_receiver.py not found") }
        let running = try await PythonTestProcess.start(script: script, folderPrefix: "webhook-test") { folder in
            ["--out", folder.appending(path: "out").path, "--status", String(status)]
        }
        return WebhookTestReceiver(port: running.port, running: running)
    }

    func received() throws -> [Received] {
        let out = running.folder.appending(path: "out")
        let numbers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".json") }.compactMap { Int($0.dropLast(5)) }.sorted()
        return try numbers.map { try JSONDecoder().decode(Received.self, from: Data(contentsOf: out.appending(path: "\($0).json"))) }
    }

    func stop() {
        running.stop()
    }
}
