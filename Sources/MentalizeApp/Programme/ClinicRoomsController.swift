import Fluent
import MentalizeCore
import Vapor

/// The clinic's treatment rooms, kept by programme leads: add a room, and remove one that no
/// series or one-off session uses (a room in use stays, so no booking loses its place).
struct ClinicRoomsController: RouteCollection {
    static let nameLength = 2...60

    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.clinicRooms, use: page)
        try routes.post(.clinicRooms, use: add)
        try routes.post(.clinicRoomRemove, use: remove)
    }

    struct Form: Content {
        var name: String?
    }

    func page(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        return try await render(request, clinicID: user.user.$clinic.id, name: "", error: nil, status: .ok)
    }

    func add(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        let clinicID = user.user.$clinic.id
        let raw = try request.form(Form.self).name ?? ""
        let name = raw.trimmed
        guard Self.nameLength.contains(name.count) else {
            return try await render(request, clinicID: clinicID, name: raw, error: "rooms.error.name", status: .badRequest)
        }
        let existing = try await SessionQueries(database: request.db).rooms(clinicID: clinicID)
        guard !existing.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            return try await render(request, clinicID: clinicID, name: raw, error: "rooms.error.duplicate", status: .badRequest)
        }
        try await RoomRecord(clinicID: clinicID, name: name).create(on: request.db)
        return request.redirect(to: SiteRoute.clinicRooms.path)
    }

    func remove(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.programmeLead])
        let clinicID = user.user.$clinic.id
        guard let room = try await RoomRecord.find(request.parameters.get("roomID", as: UUID.self), on: request.db), room.$clinic.id == clinicID else {
            throw Abort(.notFound)
        }
        guard try await ClinicSetupQueries(database: request.db).uses(ofRoom: room.requireID()) == 0 else {
            return try await render(request, clinicID: clinicID, name: "", error: "rooms.error.inUse", status: .conflict)
        }
        try await room.delete(on: request.db)
        return request.redirect(to: SiteRoute.clinicRooms.path)
    }

    private func render(_ request: Request, clinicID: UUID, name: String, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let rooms = try await SessionQueries(database: request.db).rooms(clinicID: clinicID)
        var rows: [ClinicRoomsContext.Row] = []
        for room in rooms {
            let id = try room.requireID()
            rows.append(.init(name: room.name, uses: try await ClinicSetupQueries(database: request.db).uses(ofRoom: id), removePath: SiteRoute.clinicRoomRemove.path(room: id)))
        }
        let context = ClinicRoomsContext(page: PageChrome(titleKey: "rooms.title", request: request), csrfToken: request.csrfToken, rooms: rows,
                                         errorKey: error, name: name, action: SiteRoute.clinicRooms.path)
        return try await request.view.render("clinic-rooms", context).encodeResponse(status: status, for: request)
    }
}

/// The rooms page.
struct ClinicRoomsContext: Encodable {
    struct Row: Encodable {
        let name: String
        /// Weekly series and one-off sessions booked in the room.
        let uses: Int
        let removePath: String
    }

    let page: PageChrome
    let csrfToken: String
    let rooms: [Row]
    let errorKey: String?
    let name: String
    let action: String
}
