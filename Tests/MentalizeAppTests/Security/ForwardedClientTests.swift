import Foundation
@testable import MentalizeApp
import NIOCore
import Testing
import Vapor

/// Behind a reverse proxy, the client address (what the sign-in throttle counts) comes from
/// `X-Forwarded-For` only when the connection is from a trusted proxy.
@Suite struct ForwardedClientTests {
    private func request(_ app: Application, peer: String, headers: HTTPHeaders) throws -> Request {
        Request(application: app, method: .GET, url: URI(path: "/sign-in"), headers: headers,
                remoteAddress: try SocketAddress(ipAddress: peer, port: 5000), on: app.eventLoopGroup.any())
    }

    @Test func forwardedHeadersAreBelievedOnlyFromATrustedProxy() async throws {
        let app = try await Application.make(.testing)
        try check(app)
        try await app.asyncShutdown()
    }

    private func check(_ app: Application) throws {
        let forwarded = ForwardedClient(behindProxy: true, trustedProxies: ["127.0.0.1", "10.0.0.2"])
        let chain: HTTPHeaders = ["X-Forwarded-For": "203.0.113.9, 198.51.100.4, 10.0.0.2", "X-Forwarded-Proto": "http"]
        // Through two trusted hops: the nearest untrusted address.
        #expect(forwarded.address(of: try request(app, peer: "127.0.0.1", headers: chain)) == "198.51.100.4")
        #expect(forwarded.arrivedOverPlainHTTP(try request(app, peer: "127.0.0.1", headers: chain)))
        // From anywhere else the headers are the client's own words: ignored.
        #expect(forwarded.address(of: try request(app, peer: "192.0.2.77", headers: chain)) == "192.0.2.77")
        #expect(!forwarded.arrivedOverPlainHTTP(try request(app, peer: "192.0.2.77", headers: chain)))
        // Without --behind-proxy, never.
        let direct = ForwardedClient(behindProxy: false, trustedProxies: ["127.0.0.1"])
        #expect(direct.address(of: try request(app, peer: "127.0.0.1", headers: chain)) == "127.0.0.1")
        #expect(!direct.arrivedOverPlainHTTP(try request(app, peer: "127.0.0.1", headers: ["X-Forwarded-Proto": "http"])))
        #expect(!forwarded.arrivedOverPlainHTTP(try request(app, peer: "127.0.0.1", headers: ["X-Forwarded-Proto": "https"])))
    }

    @Test func plainHTTPIsRefusedToStartOnAnAddressOthersCanReach() throws {
        var serving = ServingOptions()
        #expect(throws: ConfigurationError.self) { try serving.check(host: "0.0.0.0") }
        #expect(throws: ConfigurationError.self) { try serving.check(host: "192.0.2.10") }
        try serving.check(host: "127.0.0.1")
        try serving.check(host: "localhost")
        serving.behindProxy = true
        try serving.check(host: "0.0.0.0")
        serving.behindProxy = false
        serving.tls = .init(certificate: "cert.pem", privateKey: "key.pem")
        try serving.check(host: "0.0.0.0")
    }
}
