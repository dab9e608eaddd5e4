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

/// Refusal of a booking because of conflicts; `description` names what clashes and when, in the
/// clinic's zone.
public struct ConflictRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public let conflicts: [BookingConflict]
    public let description: String
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

    /// Throws a readable refusal when any proposed booking clashes. `staffNames` gives the names
    /// to show for therapists; `listed` caps how many clashes the message spells out (three, so a
    /// weekly series that clashes every week reads as three sentences and a count, not a wall).
    public static func check(
        proposed: [Booking], existing: [Booking], zone: ClinicZone, staffNames: [UserID: String], listed: Int = 3
    ) throws(ConflictRefusal) {
        let found = conflicts(proposed: proposed, existing: existing)
        guard !found.isEmpty else { return }
        var lines = found.prefix(max(1, listed)).map { sentence(for: $0, zone: zone, staffNames: staffNames) }
        let rest = found.count - lines.count
        if rest > 0 { lines.append("And \(rest) more clash\(rest == 1 ? "" : "es") (\(found.count) in all).") }
        throw ConflictRefusal(conflicts: found, description: lines.joined(separator: " "))
    }

    /// E.g. "Dr Jansen is already booked on Tue 5 Mar 2024, 10:00–11:30 (Europe/Amsterdam) for
    /// Tuesday group, which overlaps individual session on Tue 5 Mar 2024, 11:00–11:50 (Europe/Amsterdam)."
    public static func sentence(for conflict: BookingConflict, zone: ClinicZone, staffNames: [UserID: String]) -> String {
        let who: String
        switch conflict.resource {
        case .therapist(let id): who = staffNames[id] ?? "The therapist"
        case .room(let room): who = room.name
        }
        return "\(who) is already booked on \(zone.slotText(conflict.existing.slot)) for \(conflict.existing.label), "
            + "which overlaps \(conflict.proposed.label) on \(zone.slotText(conflict.proposed.slot))."
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
