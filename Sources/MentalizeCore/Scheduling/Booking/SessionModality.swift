import Foundation

/// A treatment room.
public struct Room: Hashable, Sendable, Codable {
    public let id: RoomID
    public let name: String

    public init(id: RoomID, name: String) throws(SchedulingError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyName(.roomName) }
        guard trimmed.count <= 100 else { throw .textTooLong(field: .roomName, limit: 100) }
        self.id = id
        self.name = trimmed
    }
}

/// How a session is held.
public enum SessionModality: Hashable, Sendable, Codable {
    case inPerson(Room)
    /// On the clinic's own video service.
    case video(VideoLink)
    case phone

    /// The room the session occupies, if any.
    public var room: Room? {
        if case .inPerson(let room) = self { return room }
        return nil
    }

    /// Short wording for a calendar LOCATION or a page, e.g. "Room 2", the link, "By phone".
    public var locationText: String {
        switch self {
        case .inPerson(let room): room.name
        case .video(let link): link.url.absoluteString
        case .phone: "By phone"
        }
    }
}
