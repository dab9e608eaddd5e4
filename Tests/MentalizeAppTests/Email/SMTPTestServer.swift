import Foundation

/// A running `smtp_test_server.py` (a real aiosmtpd server on 127.0.0.1) and what it received.
struct SMTPTestServer {
    /// What the server wrote into its `.json` file for one message.
    struct Facts: Decodable {
        let mailFrom: String
        let rcptTos: [String]
        let tls: Bool
        let authLogin: String?
        let authMechanism: String?
        let subject: String
        let from: String?
        let body: String
    }

    struct ReceivedMessage {
        /// The message bytes as the server stored them (after removing the dot-stuffing).
        let raw: String
        let facts: Facts
    }

    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    let caFile: String
    private let running: PythonTestProcess

    /// Starts the server with the script's options (`--starttls`, `--auth user:password`, ...).
    static func start(_ options: [String] = []) async throws -> SMTPTestServer {
        guard let script = SMTPTestEnvironment.serverScript else { throw StartFailed(description: "smtp_test_server.py not found") }
        let running = try await PythonTestProcess.start(script: script, folderPrefix: "smtp-test") { folder in
            ["--out", folder.appending(path: "out").path, "--ca-out", folder.appending(path: "ca.pem").path] + options
        }
        return SMTPTestServer(port: running.port, caFile: running.folder.appending(path: "ca.pem").path, running: running)
    }

    /// The messages received so far, in order.
    func receivedMessages() throws -> [ReceivedMessage] {
        let out = running.folder.appending(path: "out")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let numbers = names.filter { $0.hasSuffix(".json") }.compactMap { Int($0.dropLast(5)) }.sorted()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try numbers.map { number in
            let raw = try Data(contentsOf: out.appending(path: "\(number).eml"))
            let json = try Data(contentsOf: out.appending(path: "\(number).json"))
            return ReceivedMessage(raw: String(decoding: raw, as: UTF8.self),
                                   facts: try decoder.decode(Facts.self, from: json))
        }
    }

    /// Stops the server and deletes its files.
    func stop() {
        running.stop()
    }
}
