/// The text the analyzer reads from a diary entry: the non-blank free-text fields in
/// `DiaryField.narrative` order, separated by blank lines (so no phrase runs across two fields),
/// with a map from offsets in that text back to the fields. Offsets are UTF-16 code units, like
/// `EvidenceSpan`.
public struct DiaryAnalyzerText: Sendable, Equatable {
    /// Where one field's text sits in the composed text.
    public struct Segment: Sendable, Equatable {
        public var field: DiaryField
        /// Start of the field's text in the composed text.
        public var start: Int
        /// Length of the field's text (UTF-16 code units).
        public var length: Int
    }

    static let separator = "\n\n"

    public let text: String
    public let segments: [Segment]
    private let fieldTexts: [DiaryField: String]

    public init(entry: DiaryEntry) {
        var text = ""
        var segments: [Segment] = []
        var fieldTexts: [DiaryField: String] = [:]
        for field in DiaryField.narrative {
            guard let fieldText = entry.text(of: field), !fieldText.allSatisfy(\.isWhitespace) else { continue }
            if !text.isEmpty { text += Self.separator }
            segments.append(Segment(field: field, start: text.utf16.count, length: fieldText.utf16.count))
            text += fieldText
            fieldTexts[field] = fieldText
        }
        self.text = text
        self.segments = segments
        self.fieldTexts = fieldTexts
    }

    /// The parts of the entry a span of the composed text covers, one per field touched; the
    /// separators between fields are skipped. Empty spans map to nothing.
    public func locate(_ span: EvidenceSpan) -> [DiaryEvidence] {
        segments.compactMap { segment in
            let start = max(span.start, segment.start) - segment.start
            let end = min(span.end, segment.start + segment.length) - segment.start
            guard start < end, let fieldText = fieldTexts[segment.field] else { return nil }
            return DiaryEvidence(field: segment.field, start: start, end: end,
                                 text: Self.slice(fieldText, start, end), rule: span.rule)
        }
    }

    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let utf16 = text.utf16
        let from = utf16.index(utf16.startIndex, offsetBy: start)
        let to = utf16.index(utf16.startIndex, offsetBy: end)
        return String(utf16[from..<to]) ?? String(decoding: Array(utf16[from..<to]), as: UTF16.self)
    }
}

/// Words in a diary entry that led to a result: the field, the UTF-16 range inside that field's
/// text, the words themselves and the rule that matched.
public struct DiaryEvidence: Codable, Sendable, Equatable {
    public var field: DiaryField
    public var start: Int
    public var end: Int
    public var text: String
    public var rule: String
}
