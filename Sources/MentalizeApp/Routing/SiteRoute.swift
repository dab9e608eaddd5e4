import Vapor

/// Every path the web app serves. Routes are registered from these values and links are built from
/// them, so a page can never link to a path that does not exist.
enum SiteRoute: String, CaseIterable, Sendable {
    case home = "/"
    case signIn = "/sign-in"
    case signOut = "/sign-out"
    case signOutEverywhere = "/sign-out/everywhere"
    case secondFactor = "/sign-in/second-factor"
    case dashboard = "/home"
    case healthz = "/healthz"
    case readyz = "/readyz"

    /// The path as written in links.
    var path: String { rawValue }

    /// The path as Vapor's router reads it (`:name` segments are parameters).
    var pathComponents: [PathComponent] { rawValue == "/" ? [] : rawValue.pathComponents }
}
