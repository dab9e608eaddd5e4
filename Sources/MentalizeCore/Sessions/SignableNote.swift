public import Foundation

/// Content a note can hold, and what must be true before it is signed.
public protocol SignableContent: Hashable, Sendable, Codable {
    /// Facts the signing checks need beyond the content (`Void` when none).
    associatedtype SigningContext
    /// What the content still needs before it can be signed; empty when nothing.
    func signingProblems(in context: SigningContext) -> [NoteGap]
}

/// Identifies a session note.
public struct NoteID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString }
}

/// Whether a note may still change.
public enum NoteState: Hashable, Sendable, Codable {
    case draft
    case signed(by: UserID, at: Date)
}

/// A dated addition to a signed note.
public struct Addendum: Hashable, Sendable, Codable {
    public static let textLimit = 4000

    public let author: UserID
    public let writtenAt: Date
    public let text: String
}

/// A session note with its signing state: a draft may be edited and signed; once signed it is
/// locked and only addenda can be added.
public struct SignableNote<Content: SignableContent>: Hashable, Sendable, Codable {
    public let id: NoteID
    /// The session the note belongs to.
    public let session: BookingID
    public let author: UserID
    public private(set) var content: Content
    public private(set) var state: NoteState
    public private(set) var addenda: [Addendum]

    public init(id: NoteID, session: BookingID, author: UserID, content: Content) {
        self.id = id
        self.session = session
        self.author = author
        self.content = content
        self.state = .draft
        self.addenda = []
    }

    public var isSigned: Bool { state != .draft }

    /// Replaces the content of a draft; refused once signed.
    public mutating func edit(_ newContent: Content) throws(NoteRefusal) {
        if case .signed(let by, let at) = state { throw .alreadySigned(by: by, at: at) }
        content = newContent
    }

    /// Signs (locks) a complete draft.
    public mutating func sign(by signer: UserID, at time: Date, context: Content.SigningContext) throws(NoteRefusal) {
        if case .signed(let by, let at) = state { throw .alreadySigned(by: by, at: at) }
        let problems = content.signingProblems(in: context)
        guard problems.isEmpty else { throw .incomplete(problems) }
        state = .signed(by: signer, at: time)
    }

    /// Unlocks a signed note its supervisor returned for revision; the signed version is kept by
    /// the review (``NoteReview``), never overwritten silently.
    public mutating func reopenForRevision() throws(NoteRefusal) {
        guard isSigned else { throw .notSigned }
        state = .draft
    }

    /// Adds an addendum to a signed note.
    public mutating func addAddendum(_ text: String, by author: UserID, at time: Date) throws(NoteRefusal) {
        guard case .signed(_, let signedAt) = state else { throw .notSigned }
        let text = NoteText.clean(text)
        guard !text.isEmpty else { throw .emptyAddendum }
        guard text.count <= Addendum.textLimit else { throw .tooLong(field: .addendum, limit: Addendum.textLimit) }
        guard time >= signedAt else { throw .addendumBeforeSigning(signedAt: signedAt) }
        addenda.append(Addendum(author: author, writtenAt: time, text: text))
    }
}

extension SignableNote where Content.SigningContext == Void {
    /// Signs a note whose checks need no context.
    public mutating func sign(by signer: UserID, at time: Date) throws(NoteRefusal) {
        try sign(by: signer, at: time, context: ())
    }
}
