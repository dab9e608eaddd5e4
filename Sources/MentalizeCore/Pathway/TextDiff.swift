/// Whether a piece of text is common to both versions, only in the old one or only in the new one.
public enum DiffChange: String, Hashable, Sendable {
    case same
    case removed
    case added
}

/// One run of text with its change.
public struct DiffSegment: Hashable, Sendable {
    public let change: DiffChange
    public let text: String

    public init(_ change: DiffChange, _ text: String) {
        self.change = change
        self.text = text
    }
}

/// A word diff of two texts (line breaks are kept as whitespace, so the result also reads as a
/// line diff). Words and whitespace runs are the tokens; the longest common subsequence of tokens
/// is kept, and each run of changes is given as one removal followed by one addition.
/// Concatenating the `same` and `removed` segments gives the old text back; `same` and `added`
/// give the new one.
public enum TextDiff {
    /// The largest token table computed; larger changes are shown as a whole removal plus addition.
    public static let defaultCellLimit = 4_000_000

    public static func compare(_ old: String, _ new: String, cellLimit: Int = defaultCellLimit) -> [DiffSegment] {
        let a = tokens(old)
        let b = tokens(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var raw: [DiffSegment] = a[..<prefix].map { DiffSegment(.same, $0) }
        raw += middle(middleA, middleB, cellLimit: cellLimit)
        raw += a[(a.count - suffix)...].map { DiffSegment(.same, $0) }
        return grouped(raw)
    }

    /// Splits text into maximal runs of whitespace and of non-whitespace.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var currentIsSpace = false
        for character in text {
            let isSpace = character.isWhitespace
            if !current.isEmpty, isSpace != currentIsSpace {
                result.append(current)
                current = ""
            }
            current.append(character)
            currentIsSpace = isSpace
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The token-level edit script of the changed middle, from a longest-common-subsequence table.
    private static func middle(_ a: [String], _ b: [String], cellLimit: Int) -> [DiffSegment] {
        if a.isEmpty || b.isEmpty || a.count * b.count > cellLimit {
            return a.map { DiffSegment(.removed, $0) } + b.map { DiffSegment(.added, $0) }
        }
        let width = b.count + 1
        // lengths[i * width + j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = a[i] == b[j] ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var result: [DiffSegment] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(DiffSegment(.same, a[i]))
                (i, j) = (i + 1, j + 1)
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                result.append(DiffSegment(.removed, a[i]))
                i += 1
            } else {
                result.append(DiffSegment(.added, b[j]))
                j += 1
            }
        }
        result += a[i...].map { DiffSegment(.removed, $0) } + b[j...].map { DiffSegment(.added, $0) }
        return result
    }

    /// Merges neighbouring tokens: whitespace kept between two changes joins the change (so a
    /// replaced phrase reads as one removal and one addition), and each run of changes becomes one
    /// removal followed by one addition.
    private static func grouped(_ raw: [DiffSegment]) -> [DiffSegment] {
        var result: [DiffSegment] = []
        var same = ""
        var removed = ""
        var added = ""
        func flushChanges() {
            if !removed.isEmpty { result.append(DiffSegment(.removed, removed)) }
            if !added.isEmpty { result.append(DiffSegment(.added, added)) }
            (removed, added) = ("", "")
        }
        for (index, segment) in raw.enumerated() {
            switch segment.change {
            case .same:
                let inChange = !(removed.isEmpty && added.isEmpty)
                let nextChanges = raw[(index + 1)...].first.map { $0.change != .same } ?? false
                if inChange, nextChanges, segment.text.allSatisfy(\.isWhitespace) {
                    removed += segment.text
                    added += segment.text
                } else {
                    flushChanges()
                    same += segment.text
                }
            case .removed, .added:
                if !same.isEmpty { result.append(DiffSegment(.same, same)); same = "" }
                if segment.change == .removed { removed += segment.text } else { added += segment.text }
            }
        }
        flushChanges()
        if !same.isEmpty { result.append(DiffSegment(.same, same)) }
        return result
    }
}
