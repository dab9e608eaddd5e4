import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

@Suite struct ErrorPageTests {
    @Test func anUnknownPageGetsAFriendly404PageThatRevealsNothing() async throws {
        try await withTestApp { app in
            try await app.liveTester().test(.GET, "/patients/../../etc/passwd", headers: ["Accept": "text/html"]) { response in
                #expect(response.status == .notFound)
                let html = response.body.string
                #expect(html.contains("Page not found"))
                #expect(html.contains("<a class=\"skip-link\""))
                for leak in ["Vapor", "Abort", "swift", "Error:", "/work/", ".build"] {
                    #expect(!html.contains(leak), "the page mentions \(leak)")
                }
                let id = try #require(response.headers.first(name: "X-Request-Id"))
                #expect(html.contains(id), "the page shows the support reference")
            }
        }
    }

    @Test func apiPathsGetProblemJSON() async throws {
        try await withTestApp { app in
            try await app.liveTester().test(.GET, "/api/v1/nothing-here") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.first(name: .contentType) == "application/problem+json")
                struct Problem: Decodable { let title: String; let status: Int; let requestId: String }
                let problem = try JSONDecoder().decode(Problem.self, from: Data(response.body.string.utf8))
                #expect(problem.status == 404)
                #expect(problem.title == "Not Found")
                #expect(problem.requestId == response.headers.first(name: "X-Request-Id"))
            }
        }
    }

    @Test func serverErrorsShowTheGeneric500Page() async throws {
        try await withTestApp { app in
            // setup: a route that fails the way a broken query would
            struct Boom: Error, CustomStringConvertible { var description: String { "SECRET internal detail" } }
            app.get("test-failure") { _ -> String in throw Boom() }
            // act / verify
            try await app.liveTester().test(.GET, "/test-failure", headers: ["Accept": "text/html"]) { response in
                #expect(response.status == .internalServerError)
                #expect(response.body.string.contains("Something went wrong on our side"))
                #expect(!response.body.string.contains("SECRET"))
            }
        }
    }
}

@Suite struct StaticFileTests {
    @Test(arguments: ["/static/../Views/base.leaf", "/static/%2e%2e/Views/base.leaf", "/Views/base.leaf", "/Locales/en.json", "/static/"])
    func onlyStaticAssetsAreServedAndTraversalAnswers404(path: String) async throws {
        try await withTestApp { app in
            try await app.liveTester().test(.GET, path) { response in
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.body.string.contains("#extend"), "\(path) leaked a template")
            }
        }
    }
}
