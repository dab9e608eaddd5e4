import Crypto
import Foundation
import NIOCore
import Vapor

/// What the clinic's webhook receives for each staff notification: no patient data, only what
/// happened, for whom, and where to look.
struct WebhookPayload: Content, Equatable {
    let id: UUID
    let kind: String
    let recipient: String
    let text: String
    let link: String
    let createdAt: Date
}

/// POSTs a ``WebhookPayload`` as JSON with `X-Mentalize-Signature: sha256=<hex>`, the HMAC-SHA256
/// of the timestamp, a dot and the body, keyed with ``signingKey(_:)``; `X-Mentalize-Timestamp`
/// carries the timestamp so a receiver can refuse replays.
struct WebhookSender {
    let application: Application
    let url: String

    static let timeout: TimeAmount = .seconds(15)

    func send(_ payload: WebhookPayload) async throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        let body = try encoder.encode(payload)
        let timestamp = String(Int(application.clock.now().timeIntervalSince1970))
        let key = Self.signingKey(try application.secretKey)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: "X-Mentalize-Timestamp", value: timestamp)
        headers.add(name: "X-Mentalize-Signature", value: "sha256=" + Self.signature(body: body, timestamp: timestamp, key: key))
        let response: ClientResponse
        do {
            response = try await application.client.post(URI(string: url), headers: headers) { request in
                request.body = ByteBuffer(bytes: body)
                request.timeout = Self.timeout
            }
        } catch {
            throw DeliveryFailure(description: "the webhook could not be reached: \(error.localizedDescription)", isPermanent: false)
        }
        let status = response.status.code
        guard (200..<300).contains(status) else {
            let transient = status >= 500 || status == 408 || status == 429
            throw DeliveryFailure(description: "the webhook answered \(status)", isPermanent: !transient)
        }
    }

    /// The key webhook signatures are made with, derived from the installation key (which itself
    /// never leaves the machine); `mentalize webhook-key` prints it for the receiving gateway.
    static func signingKey(_ installationKey: SymmetricKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: installationKey, info: Data("mentalize webhook signing v1".utf8), outputByteCount: 32)
    }

    static func signature(body: Data, timestamp: String, key: SymmetricKey) -> String {
        var signed = Data(timestamp.utf8)
        signed.append(UInt8(ascii: "."))
        signed.append(body)
        return HMAC<SHA256>.authenticationCode(for: signed, using: key).map { String(format: "%02x", $0) }.joined()
    }

    /// The signing key as hex, as an operator gives it to the gateway.
    static func signingKeyHex(_ installationKey: SymmetricKey) -> String {
        signingKey(installationKey).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
    }
}
