/// The one or two therapists who run a group or course.
public struct GroupTherapists: Hashable, Sendable, Codable {
    public let ids: [UserID]

    public init(_ ids: [UserID]) throws(SchedulingError) {
        guard (1...2).contains(ids.count) else { throw .therapistCount(ids.count) }
        guard Set(ids).count == ids.count else { throw .duplicateTherapist }
        self.ids = ids
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode([UserID].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ids)
    }
}
