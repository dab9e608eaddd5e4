/// What two bookings both need at overlapping times.
public enum ClashingResource: Hashable, Sendable {
    case therapist(UserID)
    case room(Room)
}

/// A proposed booking that overlaps an existing one for the same therapist or room.
public struct BookingConflict: Hashable, Sendable {
    public let resource: ClashingResource
    public let proposed: Booking
    public let existing: Booking
}

/// Refusal of a booking because of conflicts: every clash, and the first few that a message
/// spells out (the app words them, with both times in the clinic's zone; the rest are counted).
public struct ConflictRefusal: Error, Hashable, Sendable {
    /// Every clash, in the order of the proposed bookings.
    public let conflicts: [BookingConflict]
    /// The clashes to spell out: the first of `conflicts`, at least one.
    public let listed: [BookingConflict]

    /// How many clashes are counted but not spelled out.
    public var unlisted: Int { conflicts.count - listed.count }
}

/// Finds double bookings. Slots are half-open, so back-to-back sessions do not clash. A proposed
/// booking never clashes with an existing booking of the same id (the version it replaces).
public enum ConflictChecker {
    /// Every clash between `proposed` and `existing`, in the order of the proposed bookings.
    public static func conflicts(proposed: [Booking], existing: [Booking]) -> [BookingConflict] {
        let sorted = existing.sorted { $0.slot.start < $1.slot.start }
        var found: [BookingConflict] = []
        for booking in proposed {
            let upper = firstIndex(in: sorted) { $0.slot.start >= booking.slot.end }
            for other in sorted[..<upper] where other.slot.end > booking.slot.start && other.id != booking.id {
                for therapist in booking.therapists where other.therapists.contains(therapist) {
                    found.append(BookingConflict(resource: .therapist(therapist), proposed: booking, existing: other))
                }
                if let room = booking.modality.room, other.modality.room?.id == room.id {
                    found.append(BookingConflict(resource: .room(room), proposed: booking, existing: other))
                }
            }
        }
        return found
    }

    /// Throws a refusal when any proposed booking clashes. `listed` caps how many clashes a
    /// message spells out (three, so a weekly series that clashes every week reads as three
    /// sentences and a count, not a wall).
    public static func check(proposed: [Booking], existing: [Booking], listed: Int = 3) throws(ConflictRefusal) {
        let found = conflicts(proposed: proposed, existing: existing)
        guard !found.isEmpty else { return }
        throw ConflictRefusal(conflicts: found, listed: Array(found.prefix(max(1, listed))))
    }

    private static func firstIndex(in sorted: [Booking], where isAfter: (Booking) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if isAfter(sorted[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
