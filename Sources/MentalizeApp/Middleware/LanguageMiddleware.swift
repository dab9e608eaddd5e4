import MentalizeCore
import Vapor

/// Decides each request's language (the person's saved choice, or the anonymous visitor's cookie;
/// else the clinic's default; else `Accept-Language`; else English) and says it in
/// `Content-Language`. Runs after the session and the clinic's zone are known.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "mentalize_language"

    let available: Set<String>

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let saved = request.signedInUser?.user.language ?? request.cookies[Self.cookieName]?.string
        let language = LanguageNegotiation.choose(saved: saved, clinicDefault: request.storage[ClinicDefaultLanguageKey.self] ?? nil,
                                                  acceptLanguage: request.headers.first(name: .acceptLanguage), available: available)
        request.storage[RequestLanguageKey.self] = language
        request.storage[AvailableLanguagesKey.self] = available
        let response = try await DisplayTime.$language.withValue(language) { try await next.respond(to: request) }
        response.headers.replaceOrAdd(name: .contentLanguage, value: language)
        return response
    }
}

/// The request's language, for templates and messages.
struct RequestLanguageKey: StorageKey {
    typealias Value = String
}

/// The languages shipped, for the header's choice.
struct AvailableLanguagesKey: StorageKey {
    typealias Value = Set<String>
}

/// The clinic's default language as the clinic-zone middleware read it (nil: none set).
struct ClinicDefaultLanguageKey: StorageKey {
    typealias Value = String?
}

extension Request {
    /// The language this request's pages are in.
    var language: String { storage[RequestLanguageKey.self] ?? LanguageNegotiation.fallback }
}
