/// A patient's or clinician's answer to one item: a choice's code, or an integer.
/// Encodes as a bare JSON string (code) or number (integer).
public enum ItemAnswer: Sendable, Equatable, Hashable, Codable {
    case code(String)
    case integer(Int)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else {
            self = .code(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .code(code): try container.encode(code)
        case let .integer(number): try container.encode(number)
        }
    }

    /// The numeric value this answer carries on `item`: the chosen option's ordinal value,
    /// or the integer itself; nil when the answer does not fit the item.
    func value(on item: InstrumentItem) -> Double? {
        switch (self, item.type) {
        case let (.code(code), .choice): item.option(code: code)?.value
        case let (.integer(number), .integer): Double(number)
        default: nil
        }
    }
}
