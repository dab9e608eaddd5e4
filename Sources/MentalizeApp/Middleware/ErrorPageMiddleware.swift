import LeafKit
import Vapor

/// Turns every error into a page that reveals nothing internal: an HTML page for people,
/// `application/problem+json` for the API. Server errors are logged with the error's type only
/// (database messages can quote personal data) and the request id, which the page shows.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where (300..<400).contains(abort.status.code) {
            return Response(status: abort.status, headers: abort.headers)
        } catch is MalformedForm {
            if !Self.wantsProblemJSON(request), let page = try? await UnsavedFormPage.response(for: request, reason: .malformedForm) {
                return page
            }
            return await Self.response(status: .badRequest, for: request)
        } catch where DatabaseBusy.isBusy(error) {
            request.logger.warning("database busy: the request gave up waiting to write", metadata: ["error": .string(Self.loggable(error))])
            if !Self.wantsProblemJSON(request), request.headers.contentType == .urlEncodedForm,
               let page = try? await UnsavedFormPage.response(for: request, reason: .databaseBusy) {
                return page
            }
            let response = await Self.response(status: .serviceUnavailable, for: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: "5")
            return response
        } catch {
            let status = (error as? any AbortError)?.status ?? .internalServerError
            if status.code >= 500 {
                request.logger.error("request failed", metadata: ["error": .string(Self.loggable(error))])
            }
            return await Self.response(status: status, for: request)
        }
    }

    /// The error's type, plus its message only for errors whose messages never hold personal data
    /// (template and configuration errors).
    static func loggable(_ error: any Error) -> String {
        switch error {
        case let error as LeafError: "LeafError: \(error)"
        case let error as ConfigurationError: "ConfigurationError: \(error.message)"
        default: String(reflecting: type(of: error))
        }
    }

    static func response(status: HTTPResponseStatus, for request: Request) async -> Response {
        // Out-of-scope and forbidden answer exactly like missing; server faults never say more than 500.
        // A busy server says so (503, try again), since nothing is wrong with the request.
        let shown: HTTPResponseStatus = status == .serviceUnavailable ? status
            : status.code >= 500 ? .internalServerError : (status == .forbidden ? .notFound : status)
        if wantsProblemJSON(request) {
            return problemResponse(status: shown, requestID: request.requestID)
        }
        let context = ErrorPageContext(status: shown, request: request)
        do {
            let response = try await request.view.render("errors/error", context).encodeResponse(for: request)
            response.status = shown
            return response
        } catch {
            request.logger.error("error page failed to render", metadata: ["error": .string(loggable(error))])
            return Response(status: shown, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .init(string: "\(shown.code) \(shown.reasonPhrase)\n"))
        }
    }

    static func wantsProblemJSON(_ request: Request) -> Bool {
        if request.url.path.hasPrefix("/api/") { return true }
        let accept = request.headers.first(name: .accept) ?? ""
        return accept.contains("json") && !accept.contains("text/html")
    }

    static func problemResponse(status: HTTPResponseStatus, requestID: String) -> Response {
        let body = #"{"type":"about:blank","title":"\#(status.reasonPhrase)","status":\#(status.code),"requestId":"\#(requestID)"}"#
        return Response(status: status, headers: ["Content-Type": "application/problem+json"], body: .init(string: body))
    }
}

/// What the error template shows.
struct ErrorPageContext: Encodable {
    let page: PageChrome
    let code: UInt
    let headingKey: String
    let messageKey: String
    let requestID: String

    init(status: HTTPResponseStatus, request: Request) {
        let known = [404, 400, 401, 405, 413, 429, 503].contains(status.code)
        let key = known ? "error.\(status.code)" : "error.500"
        self.page = PageChrome(titleKey: "\(key).heading", request: request)
        self.code = status.code
        self.headingKey = "\(key).heading"
        self.messageKey = "\(key).message"
        self.requestID = request.requestID
    }
}
