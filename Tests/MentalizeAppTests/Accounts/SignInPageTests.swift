import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

@Suite struct SignInPageTests {
    @Test func signInPageRendersAnAccessibleFormWithTheClinicName() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await app.liveTester().test(.GET, "/sign-in") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"))
                #expect(html.contains("<label for=\"username\">"))
                #expect(html.contains("<label for=\"password\">"))
                #expect(html.contains("autocomplete=\"current-password\""))
                #expect(html.contains("Demo MBT Clinic (synthetic data)"))
                #expect(!html.contains("#t("), "every text key is resolved")
                #expect(html.contains("We&#39;ll email you a link"), "text from #t is HTML-escaped")
            }
        }
    }

    @Test func theStartPageSendsPeopleToSignIn() async throws {
        try await withTestApp { app in
            // The in-memory tester, because the live test client follows redirects.
            try await app.testing().test(.GET, "/") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == SiteRoute.signIn.path)
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withTestApp { app in
            let tester = try app.liveTester()
            for path in ["/sign-in", "/healthz", "/readyz", "/no-such-page", "/static/css/app.css"] {
                try await tester.test(.GET, path) { response in
                    let csp = try #require(response.headers.first(name: "Content-Security-Policy"), "\(path)")
                    #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                    #expect(csp.contains("frame-ancestors 'none'"))
                    #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                    #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
                    #expect(response.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
                    #expect(response.headers.first(name: "X-Request-Id") != nil)
                    let cache = response.headers.first(name: .cacheControl)
                    #expect(path.hasPrefix("/static/") ? cache != "no-store" : cache == "no-store", "\(path)")
                }
            }
        }
    }

    @Test func theStylesheetIsServed() async throws {
        try await withTestApp { app in
            try await app.liveTester().test(.GET, "/static/css/app.css") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(".skip-link"))
            }
        }
    }
}
