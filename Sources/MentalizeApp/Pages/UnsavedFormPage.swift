import Fluent
import Foundation
import Vapor

/// What a person sees when a form arrives without a valid form token because their sign-in ended
/// while they were writing (idle time-out, "sign out everywhere", an old tab): nothing was saved,
/// and the text they typed is shown back to them to copy, so a diary entry or a message written
/// over half an hour is not lost. Only this site's own forms get here (the origin check runs
/// first), the text goes back only to the browser that sent it, and the page is never cached.
enum UnsavedFormPage {
    /// Form fields that carry no typed text: tokens, keys and choices.
    private static let skippedFields: Set<String> = [CSRFProtection.fieldName, "idempotencyKey", "key", "return"]
    /// Parts of field names that mark secrets, which are never shown back (passwords, codes).
    private static let secretNameParts = ["password", "code", "secret", "token", "totp"]

    /// Why nothing was saved.
    enum Reason {
        /// The form token did not match: signed out, or the page came from an earlier sign-in.
        case formTokenMismatch
        /// The database stayed busy with other writes for longer than a request waits.
        case databaseBusy
        /// The form's fields could not be read as the page's fields (see ``MalformedForm``).
        case malformedForm

        fileprivate func status(signedOut: Bool) -> HTTPResponseStatus {
            switch self {
            case .formTokenMismatch: signedOut ? .unauthorized : .conflict
            case .databaseBusy: .serviceUnavailable
            case .malformedForm: .badRequest
            }
        }

        fileprivate func messageKey(signedOut: Bool) -> String {
            switch self {
            case .formTokenMismatch: signedOut ? "unsaved.signedOut" : "unsaved.outOfDate"
            case .databaseBusy: "unsaved.busy"
            case .malformedForm: "unsaved.malformed"
            }
        }

        fileprivate var copyKey: String {
            switch self {
            case .formTokenMismatch: "unsaved.copy"
            case .databaseBusy: "unsaved.copyAndRetry"
            case .malformedForm: "unsaved.copyAndGoBack"
            }
        }
    }

    static func response(for request: Request, reason: Reason) async throws -> Response {
        let signedOut = request.signedInUser == nil
        let context = UnsavedFormContext(page: PageChrome(titleKey: "unsaved.title", request: request),
                                         messageKey: reason.messageKey(signedOut: signedOut),
                                         copyKey: reason.copyKey,
                                         texts: typedTexts(request), signInPath: SiteRoute.signIn.path, showSignIn: signedOut && reason == .formTokenMismatch,
                                         helplines: try await Helplines(database: request.db).signedOut(language: request.language))
        let response = try await request.view.render("errors/unsaved", context).encodeResponse(for: request)
        response.status = reason.status(signedOut: signedOut)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if reason == .databaseBusy { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
        return response
    }

    /// The free text the form carried, in the order it was sent: values with a letter in them,
    /// not identifiers, tokens or single-word choices.
    static func typedTexts(_ request: Request) -> [String] {
        guard let contentType = request.headers.contentType, contentType == .urlEncodedForm,
              let body = request.body.data else { return [] }
        return FormBody(body.readableBytesView).fields.compactMap { field -> String? in
            let name = field.name.lowercased()
            let value = field.value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !skippedFields.contains(field.name), !secretNameParts.contains(where: name.contains),
                  value.contains(where: \.isLetter), UUID(uuidString: value) == nil, value.contains(" ") || value.count > 30 else { return nil }
            return value
        }
    }
}

/// The unsaved-form page.
struct UnsavedFormContext: Encodable {
    let page: PageChrome
    let messageKey: String
    let copyKey: String
    let texts: [String]
    let signInPath: String
    let showSignIn: Bool
    let helplines: [HelplineLine]
}
