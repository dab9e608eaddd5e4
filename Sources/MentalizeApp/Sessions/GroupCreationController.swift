import Fluent
import MentalizeCore
import Vapor

/// A therapist starts a new slow-open MBT group: name, capacity, and optionally a co-therapist
/// from the same clinic (co-therapy then gives both access to members' group records). The weekly
/// slot and members are then set on the group's page.
struct GroupCreationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.groupNew, use: form)
        try routes.post(.groupNew, use: create)
    }

    struct Form: Content {
        var name: String?
        var capacity: String?
        var coTherapistID: String?
    }

    func form(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist])
        return try await render(request, user: user, form: Form(capacity: "8"), error: nil, status: .ok)
    }

    func create(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist])
        let form = try request.form(Form.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...80).contains(name.count) else {
            return try await render(request, user: user, form: form, error: PageText.text("schedule.error.groupName"), status: .badRequest)
        }
        guard let capacity = Int(form.capacity ?? ""), (1...12).contains(capacity) else {
            return try await render(request, user: user, form: form, error: PageText.text("schedule.error.groupCapacity"), status: .badRequest)
        }
        let colleagues = try await Self.therapists(request, user: user)
        var coTherapist: UUID?
        if let text = form.coTherapistID, !text.isEmpty {
            guard let id = UUID(uuidString: text), colleagues.contains(where: { $0.id == id }) else {
                return try await render(request, user: user, form: form, error: PageText.text("schedule.error.chooseCoTherapist"), status: .badRequest)
            }
            coTherapist = id
        }
        let group = TherapyGroup(clinicID: user.user.$clinic.id, name: name, capacity: capacity)
        let team = [user.id] + (coTherapist.map { [$0] } ?? [])
        try await request.db.transaction { database in
            try await group.create(on: database)
            let groupID = try group.requireID()
            for therapist in team {
                try await GroupTherapistRecord(groupID: groupID, therapistID: therapist, startsAt: request.now).create(on: database)
            }
        }
        return request.redirect(to: SiteRoute.group.path(group: try group.requireID()))
    }

    /// Therapists of the user's clinic other than the user: the possible co-therapists.
    static func therapists(_ request: Request, user: SignedInUser) async throws -> [UserAccount] {
        try await SessionQueries(database: request.db).therapists(clinicID: user.user.$clinic.id).filter { $0.id != user.id }
    }

    private func render(_ request: Request, user: SignedInUser, form: Form, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let colleagues = try await Self.therapists(request, user: user).sorted { $0.displayName < $1.displayName }
        let context = GroupCreationContext(
            page: PageChrome(titleKey: "groups.newTitle", request: request), csrfToken: request.csrfToken, error: error,
            name: form.name ?? "", capacity: form.capacity ?? "",
            colleagues: colleagues.compactMap { account in account.id.map { .init(id: $0.uuidString, name: account.displayName, selected: $0.uuidString == form.coTherapistID) } },
            action: SiteRoute.groupNew.path)
        return try await request.view.render("group-new", context).encodeResponse(status: status, for: request)
    }
}

/// The new-group form.
struct GroupCreationContext: Encodable {
    struct Colleague: Encodable {
        let id: String
        let name: String
        let selected: Bool
    }

    let page: PageChrome
    let csrfToken: String
    let error: String?
    let name: String
    let capacity: String
    let colleagues: [Colleague]
    let action: String
}
