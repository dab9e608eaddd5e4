import Dispatch
import Vapor

/// Times GET requests through the app's full middleware and router in process (no network), as
/// a signed-in web user: one warm-up request, then `requests` timed ones; any answer but 200 stops
/// the benchmark. Used by the page benchmarks.
struct PageTimer {
    let app: Application
    /// The web session token the requests carry.
    let token: String

    /// Median and 90th percentile in milliseconds.
    func measure(_ path: String, requests: Int) async throws -> (median: Double, p90: Double) {
        _ = try await get(path)
        var times: [Double] = []
        for _ in 0..<requests {
            let start = DispatchTime.now().uptimeNanoseconds
            let status = try await get(path)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            guard status == .ok else { throw Abort(.internalServerError, reason: "\(path) answered \(status.code)") }
        }
        times.sort()
        return (times[times.count / 2], times[times.count * 9 / 10])
    }

    private func get(_ path: String) async throws -> HTTPResponseStatus {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(SessionCookie.name)=\(token)")
        let request = Request(application: app, method: .GET, url: URI(path: path), headers: headers, on: app.eventLoopGroup.next())
        let response = try await app.responder.respond(to: request).get()
        _ = try await response.body.collect(on: request.eventLoop).get()
        return response.status
    }
}
