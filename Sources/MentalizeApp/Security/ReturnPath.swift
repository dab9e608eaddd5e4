import Foundation
import Vapor

/// Where to go after signing in: the page someone opened while signed out (a link to their diary,
/// an alert), carried as `?next=` through sign-in and the second factor. Only a path on this site
/// is accepted (never another host, a scheme or a backslash trick), so it cannot be used to send
/// people elsewhere.
enum ReturnPath {
    static let parameter = "next"

    /// `raw` when it is a plain path on this site worth returning to; otherwise nil.
    static func accept(_ raw: String?) -> String? {
        guard let raw, raw.count <= 1000, raw.hasPrefix("/"), !raw.hasPrefix("//"),
              raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
              raw != "/", raw != SiteRoute.dashboard.path, !raw.hasPrefix(SiteRoute.signIn.path) else { return nil }
        return raw
    }

    /// The accepted return path of this request's `next` query parameter.
    static func requested(by request: Request) -> String? {
        accept(request.query[String.self, at: parameter])
    }

    /// `path` with `?next=` added when there is somewhere to return to.
    static func path(_ path: String, returningTo next: String?) -> String {
        guard let next = accept(next),
              let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) else { return path }
        return "\(path)?\(parameter)=\(encoded)"
    }
}
