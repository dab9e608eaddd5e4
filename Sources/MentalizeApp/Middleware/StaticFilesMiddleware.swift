import Vapor

/// Serves the bundled files under `/static/` and nothing else, so no other path can reach the
/// file system.
struct StaticFilesMiddleware: AsyncMiddleware {
    private let files: FileMiddleware

    init(publicDirectory: String) {
        self.files = FileMiddleware(publicDirectory: publicDirectory)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard StaticAssets.isAssetPath(request.url.path) else {
            return try await next.respond(to: request)
        }
        return try await files.respond(to: request, chainingTo: next)
    }
}
