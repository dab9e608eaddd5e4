/// One spell of membership. Both dates are inclusive: a member leaving on 5 March still belongs to
/// the group that day (their goodbye session) and not after. A patient may have several spells.
public struct MembershipSpell: Hashable, Sendable, Codable {
    public let patient: PatientID
    public let joined: LocalDate
    public internal(set) var left: LocalDate?

    /// True when the patient is a member on `date`.
    public func includes(_ date: LocalDate) -> Bool {
        joined <= date && left.map { date <= $0 } ?? true
    }

    /// True when this spell shares a day with the open-ended spell starting `date`.
    func overlapsOpenSpell(from date: LocalDate) -> Bool { left.map { date <= $0 } ?? true }
}

/// A patient waiting for a place, in order of being added.
public struct WaitingListEntry: Hashable, Sendable, Codable {
    public let patient: PatientID
    public let since: LocalDate
}

/// Why a roster change was refused (the app words it for the therapist, in the page's language).
public enum GroupRefusal: Error, Hashable, Sendable {
    case invalidCapacity(Int, allowed: ClosedRange<Int>)
    case full(on: LocalDate, capacity: Int)
    case alreadyMember(since: LocalDate)
    case notAMember(on: LocalDate)
    case leaveBeforeJoin(joined: LocalDate, leave: LocalDate)
    case alreadyWaiting
    case notWaiting
}
