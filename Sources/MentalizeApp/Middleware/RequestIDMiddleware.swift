import Vapor

/// Gives every request an id (taken from a well-formed incoming `X-Request-Id`, or new), puts it in
/// the request's log metadata and returns it in the `X-Request-Id` response header.
struct RequestIDMiddleware: AsyncMiddleware {
    static let header = "X-Request-Id"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let id = request.headers.first(name: Self.header).flatMap(Self.acceptable) ?? UUID().uuidString.lowercased()
        request.logger[metadataKey: "request-id"] = .string(id)
        request.storage[RequestIDKey.self] = id
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: Self.header, value: id)
        return response
    }

    /// An incoming id is kept only when it is short and made of safe characters.
    static func acceptable(_ value: String) -> String? {
        guard (1...64).contains(value.count),
              value.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_.".unicodeScalars.contains($0) })
        else { return nil }
        return value
    }
}

/// Storage key for the request id.
struct RequestIDKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// This request's id, as sent in `X-Request-Id`.
    var requestID: String { storage[RequestIDKey.self] ?? id }
}
