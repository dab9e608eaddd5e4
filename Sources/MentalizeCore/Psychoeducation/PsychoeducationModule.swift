/// One MBT-I psychoeducation module for patients, loaded from
/// `Resources/Psychoeducation/<id>.md`. All text is plain: it holds no markup and none of the
/// characters `< > &`, so it is safe in HTML with or without escaping (templates escape anyway).
public struct PsychoeducationModule: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// Position in the course, from 1.
    public var order: Int
    public var title: String
    /// One sentence saying what the module is about.
    public var summary: String
    public var blocks: [PsychoeducationBlock]
    public var exercise: PsychoeducationExercise
    /// Words in the body (headings, paragraphs and list items).
    public var wordCount: Int
}

/// A short exercise at the end of a module.
public struct PsychoeducationExercise: Codable, Sendable, Equatable {
    public var prompt: String
    /// An optional question to think about afterwards.
    public var reflection: String?
}

/// One block of a module body: a level-2 or level-3 heading, a paragraph, or a bullet list.
public struct PsychoeducationBlock: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case heading2, heading3, paragraph, bulletList
    }

    public var kind: Kind
    /// The heading or paragraph text; empty for a bullet list.
    public var text: String
    /// The list items; empty unless `kind` is `bulletList`.
    public var items: [String]

    public init(kind: Kind, text: String = "", items: [String] = []) {
        self.kind = kind
        self.text = text
        self.items = items
    }
}
