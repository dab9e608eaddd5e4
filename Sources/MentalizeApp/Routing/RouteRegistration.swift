import Fluent
import MentalizeCore
import Vapor

/// Routes are registered only through these functions, which take a `SiteRoute` and enforce its
/// declared `access` before the handler runs: sign-in and roles for every route; for a patient's
/// record the policy decision and its audit event, handing the handler an `AuthorisedPatient`; for
/// a patient list the SQL scope, handed over as a `PatientListScope`. A handler of the wrong shape
/// for its route's declaration is refused when the app starts, so no route can skip its check.
extension RoutesBuilder {
    /// A page or action that names no patient (anyone, signed in, a role, or a secret link).
    func get<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> R) throws {
        try register(.GET, route, handler)
    }

    func post<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> R) throws {
        try register(.POST, route, handler)
    }

    /// A page or action on one patient's record, reached only through the policy.
    func get<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request, AuthorisedPatient) async throws -> R) throws {
        try register(.GET, route, handler)
    }

    func post<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request, AuthorisedPatient) async throws -> R) throws {
        try register(.POST, route, handler)
    }

    /// A list of patients, scoped in SQL by the policy.
    func get<R: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request, PatientListScope) async throws -> R) throws {
        switch route.access {
        case .patientList(let kind):
            on(.GET, route.pathComponents) { request in
                let access = try request.patientAccess()
                try await access.refuseUnlessStaff(.list, kind: kind, patientID: nil)
                return try await handler(request, PatientListScope(access: access, kind: kind, scope: try await access.listScope(kind)))
            }
        default:
            throw RouteDeclarationMismatch(route: route, handler: "a patient list")
        }
    }

    private func register<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ route: SiteRoute, _ handler: @escaping @Sendable (Request) async throws -> R) throws {
        let gate: @Sendable (Request) throws -> Void
        switch route.access {
        case .anyone, .secretLink: gate = { _ in }
        case .signedIn: gate = { request in _ = try request.requireWebOrAPIUser() }
        case .roles(let roles): gate = { request in _ = try request.requireRole(roles) }
        case .patientRecord, .patientList: throw RouteDeclarationMismatch(route: route, handler: "no patient")
        }
        on(method, route.pathComponents) { request in
            try gate(request)
            return try await handler(request)
        }
    }

    private func register<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ route: SiteRoute, _ handler: @escaping @Sendable (Request, AuthorisedPatient) async throws -> R) throws {
        guard case .patientRecord(let kind, let action) = route.access else { throw RouteDeclarationMismatch(route: route, handler: "one patient") }
        on(method, route.pathComponents) { request in
            let access = try request.patientAccess()
            let id = request.parameters.get("patientID", as: UUID.self)
            let patient = try await access.staffPatient(id, for: action, kind: kind)
            return try await handler(request, AuthorisedPatient(access: access, id: try patient.requireID(), patient: patient))
        }
    }
}

/// A patient record the policy let this request reach, for the route's declared kind and action;
/// the access (allowed or denied) is already in the audit log.
struct AuthorisedPatient: Sendable {
    let access: PatientAccess
    let id: UUID
    let patient: Patient
}

/// The rows of a patient list this request may see, decided by the policy, for filtering in SQL.
struct PatientListScope: Sendable {
    let access: PatientAccess
    let kind: RecordKind
    let scope: ListScope
}

/// A handler registered with a shape its route's declared access does not have.
struct RouteDeclarationMismatch: Error, CustomStringConvertible {
    let route: SiteRoute
    let handler: String

    var description: String { "\(route.rawValue) declares \(route.access) but its handler takes \(handler)" }
}
