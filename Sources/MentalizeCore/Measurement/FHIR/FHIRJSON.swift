public import Foundation

/// A FHIR resource or element as a JSON value. Encodes deterministically: object keys sorted,
/// slashes unescaped, whole numbers without a fraction.
public enum FHIRJSON: Sendable, Equatable, Encodable {
    case object([String: FHIRJSON])
    case array([FHIRJSON])
    case string(String)
    case integer(Int)
    case decimal(Double)
    case bool(Bool)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .object(members): try container.encode(members)
        case let .array(elements): try container.encode(elements)
        case let .string(text): try container.encode(text)
        case let .integer(number): try container.encode(number)
        case let .decimal(number): try container.encode(number)
        case let .bool(flag): try container.encode(flag)
        }
    }

    /// The JSON text, pretty-printed with sorted keys. Throws only for a non-finite decimal.
    public func data() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> FHIRJSON? {
        guard case let .object(members) = self else { return nil }
        return members[key]
    }

    /// The elements of an array; empty for other values.
    public var elements: [FHIRJSON] {
        guard case let .array(elements) = self else { return [] }
        return elements
    }

    /// The text of a string value.
    public var string: String? {
        guard case let .string(text) = self else { return nil }
        return text
    }

    /// The value of a number (integer or decimal).
    public var number: Double? {
        switch self {
        case let .integer(number): Double(number)
        case let .decimal(number): number
        default: nil
        }
    }
}

extension FHIRJSON: ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// Builds an object; a later duplicate key replaces an earlier one.
    public init(dictionaryLiteral elements: (String, FHIRJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public init(arrayLiteral elements: FHIRJSON...) {
        self = .array(elements)
    }
}

extension Dictionary where Key == String, Value == FHIRJSON {
    /// Sets `key` only when `value` is present and, for arrays, not empty (FHIR forbids empty arrays).
    mutating func set(_ key: String, _ value: FHIRJSON?) {
        guard let value else { return }
        if case let .array(elements) = value, elements.isEmpty { return }
        self[key] = value
    }
}
