import Foundation
import MentalizeCore

/// Identifies one session in links and rows: its source (series or one-off id) and its original
/// date in the clinic's zone, written `<uuid>_<YYYY-MM-DD>`.
struct SessionKey: Hashable, Sendable, CustomStringConvertible {
    let source: UUID
    let date: LocalDate

    init(source: UUID, date: LocalDate) {
        self.source = source
        self.date = date
    }

    /// Parses the link form; nil for anything else.
    init?(text: String) {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let source = UUID(uuidString: String(parts[0])), let date = try? LocalDate(iso: String(parts[1])) else { return nil }
        self.init(source: source, date: date)
    }

    var description: String { Self.text(source: source, storedDate: date.description) }

    /// The link form for a row that stores the source and the date (`YYYY-MM-DD`) apart.
    static func text(source: UUID, storedDate: String) -> String {
        "\(source.uuidString)_\(storedDate)"
    }
}
