/// The short note on one member in a group session note.
public struct MemberNote: Hashable, Sendable, Codable {
    public static let textLimit = 1000

    public let patient: PatientID
    public let text: String
    public let observed: ObservedMentalizing
    public let risk: RiskUpdate?

    public init(patient: PatientID, text: String, observed: ObservedMentalizing = .none, risk: RiskUpdate? = nil) throws(NoteRefusal) {
        let text = NoteText.clean(text)
        guard text.count <= Self.textLimit else { throw .tooLong(field: .memberNote, limit: Self.textLimit) }
        self.patient = patient
        self.text = text
        self.observed = observed
        self.risk = risk
    }
}

/// Who was in the group on the session's date, with names, for the checks made at signing.
public struct GroupNoteContext: Sendable {
    public let members: [PatientID: PersonName]

    public init(members: [PatientID: PersonName]) { self.members = members }
}

/// A group session note: the group note plus a short note per member. Other members may appear
/// by initials only; signing is refused while a note names another member.
public struct GroupSessionNote: SignableContent {
    public typealias SigningContext = GroupNoteContext

    public let body: SessionNoteBody
    public private(set) var memberNotes: [PatientID: MemberNote]

    public init(body: SessionNoteBody, memberNotes: [MemberNote] = []) {
        self.body = body
        self.memberNotes = Dictionary(memberNotes.map { ($0.patient, $0) }) { _, latest in latest }
    }

    /// Adds or replaces a member's short note.
    public mutating func setMemberNote(_ note: MemberNote) { memberNotes[note.patient] = note }

    /// Names of members found where only initials belong: in the group text (any member) and in
    /// each member note (members other than its subject).
    public func nameMentions(in context: GroupNoteContext) -> [NameMention] {
        let groupText = [body.narrative, body.plan, body.risk?.summary ?? ""].joined(separator: "\n")
        var found = NamePrivacy.mentions(in: groupText, names: context.members)
        for note in memberNotes.values.sorted(by: { $0.patient.description < $1.patient.description }) {
            let text = note.text + "\n" + (note.risk?.summary ?? "")
            found += NamePrivacy.mentions(in: text, names: context.members, excluding: note.patient)
        }
        return found
    }

    public func signingProblems(in context: GroupNoteContext) -> [NoteGap] {
        var problems = body.signingProblems
        let initials = Initials.directory(context.members)
        let missing = context.members.keys.filter { memberNotes[$0]?.text.isEmpty ?? true }
        if !missing.isEmpty {
            problems.append(.memberNotes(missing: missing.compactMap { initials[$0] }.sorted()))
        }
        if memberNotes.keys.contains(where: { context.members[$0] == nil }) {
            problems.append(.notesOnNonMembers)
        }
        let words = Set(nameMentions(in: context).map(\.word)).sorted()
        if !words.isEmpty {
            problems.append(.namesInsteadOfInitials(words))
        }
        return problems
    }
}
