/// A slow-open group's membership over time, its capacity and its waiting list.
public struct GroupRoster: Hashable, Sendable, Codable {
    /// Capacities accepted; MBT groups usually hold 6 to 9 patients.
    public static let allowedCapacity = 1...12

    public let capacity: Int
    public private(set) var memberships: [MembershipSpell]
    public private(set) var waitingList: [WaitingListEntry]

    public init(capacity: Int) throws(GroupRefusal) {
        guard Self.allowedCapacity.contains(capacity) else { throw .invalidCapacity(capacity, allowed: Self.allowedCapacity) }
        self.capacity = capacity
        self.memberships = []
        self.waitingList = []
    }

    /// The members on `date`, in order of joining.
    public func members(on date: LocalDate) -> [PatientID] {
        memberships.filter { $0.includes(date) }.sorted { $0.joined < $1.joined }.map(\.patient)
    }

    public func isMember(_ patient: PatientID, on date: LocalDate) -> Bool {
        memberships.contains { $0.patient == patient && $0.includes(date) }
    }

    /// Places free from `date` onwards, counting members already booked to join later.
    public func freePlaces(from date: LocalDate) -> Int {
        let checkpoints = [date] + memberships.map(\.joined).filter { $0 > date }
        let busiest = checkpoints.map { members(on: $0).count }.max() ?? 0
        return max(0, capacity - busiest)
    }

    /// Adds a member from `date` (open-ended); removes the patient from the waiting list.
    public mutating func join(_ patient: PatientID, on date: LocalDate) throws(GroupRefusal) {
        if let spell = memberships.first(where: { $0.patient == patient && $0.overlapsOpenSpell(from: date) }) {
            throw .alreadyMember(since: spell.joined)
        }
        guard freePlaces(from: date) > 0 else { throw .full(on: fullDate(from: date), capacity: capacity) }
        memberships.append(MembershipSpell(patient: patient, joined: date, left: nil))
        waitingList.removeAll { $0.patient == patient }
    }

    /// Ends the patient's spell that covers `date`; `date` is their last day in the group.
    public mutating func leave(_ patient: PatientID, on date: LocalDate) throws(GroupRefusal) {
        guard let index = memberships.firstIndex(where: { $0.patient == patient && $0.includes(date) }) else {
            let spells = memberships.filter { $0.patient == patient }
            if !spells.contains(where: { $0.joined <= date }), let later = spells.first {
                throw .leaveBeforeJoin(joined: later.joined, leave: date)
            }
            throw .notAMember(on: date)
        }
        memberships[index].left = date
    }

    public mutating func addToWaitingList(_ patient: PatientID, since date: LocalDate) throws(GroupRefusal) {
        guard !waitingList.contains(where: { $0.patient == patient }) else { throw .alreadyWaiting }
        if let spell = memberships.first(where: { $0.patient == patient && $0.overlapsOpenSpell(from: date) }) {
            throw .alreadyMember(since: spell.joined)
        }
        waitingList.append(WaitingListEntry(patient: patient, since: date))
    }

    public mutating func removeFromWaitingList(_ patient: PatientID) throws(GroupRefusal) {
        guard waitingList.contains(where: { $0.patient == patient }) else { throw .notWaiting }
        waitingList.removeAll { $0.patient == patient }
    }

    /// Fills the places free from `date` with patients from the head of the waiting list, in
    /// order; returns those who joined.
    public mutating func promoteFromWaitingList(on date: LocalDate) -> [PatientID] {
        var promoted: [PatientID] = []
        while freePlaces(from: date) > 0, let next = waitingList.first {
            do {
                try join(next.patient, on: date)
                promoted.append(next.patient)
            } catch {
                waitingList.removeFirst()
            }
        }
        return promoted
    }

    private func fullDate(from date: LocalDate) -> LocalDate {
        let checkpoints = [date] + memberships.map(\.joined).filter { $0 > date }.sorted()
        return checkpoints.first { members(on: $0).count >= capacity } ?? date
    }
}
