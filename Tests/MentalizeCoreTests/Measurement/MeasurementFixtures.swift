import Foundation
@testable import MentalizeCore

/// Shared helpers: the bundled catalog, answer builders and JSON mutation for broken fixtures.
enum MeasurementFixtures {
    static func catalog() throws -> InstrumentCatalog {
        try InstrumentCatalog.loadBundled()
    }

    static func definition(_ id: String) throws -> InstrumentDefinition {
        guard let definition = try catalog().definition(id: id) else {
            throw MeasurementFixtureError.missing(id)
        }
        return definition
    }

    /// Answers `prefix-1`, `prefix-2`, ... with the given choice codes.
    static func answers(_ prefix: String, _ codes: [Int]) -> [String: ItemAnswer] {
        Dictionary(uniqueKeysWithValues: codes.enumerated().map { index, code in
            ("\(prefix)-\(index + 1)", ItemAnswer.code(String(code)))
        })
    }

    /// The definition as a JSON object, for tests that break one field.
    static func jsonObject(_ id: String) throws -> [String: Any] {
        let data = try JSONEncoder().encode(definition(id))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw MeasurementFixtureError.missing(id)
        }
        return object
    }

    /// Replaces the value at a dotted path such as `items.3.linkId` (numbers index arrays).
    static func setting(_ value: Any?, at path: String, in object: Any) -> Any {
        replace(in: object, path: path.split(separator: ".").map(String.init), value: value)
    }

    private static func replace(in node: Any, path: [String], value: Any?) -> Any {
        guard let key = path.first else { return value ?? NSNull() }
        let rest = Array(path.dropFirst())
        if var array = node as? [Any], let index = Int(key), array.indices.contains(index) {
            array[index] = replace(in: array[index], path: rest, value: value)
            return array
        }
        guard var dictionary = node as? [String: Any] else { return node }
        if rest.isEmpty, value == nil {
            dictionary.removeValue(forKey: key)
        } else {
            dictionary[key] = replace(in: dictionary[key] ?? [String: Any](), path: rest, value: value)
        }
        return dictionary
    }

    /// Loads one JSON object as a catalog file and returns the issues it produces.
    static func issues(loading object: Any, file: String) throws -> [DefinitionIssue] {
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try InstrumentCatalog.load(files: [(file, data)])
            return []
        } catch let error as InstrumentCatalogError {
            return error.issues
        }
    }
}

enum MeasurementFixtureError: Error {
    case missing(String)
}

/// SplitMix64: a small seeded generator so property tests are reproducible.
struct MeasurementSeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
