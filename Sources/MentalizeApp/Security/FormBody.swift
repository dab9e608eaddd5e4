import Foundation

/// An `application/x-www-form-urlencoded` body read without trusting it: any bytes give fields,
/// never a trap. `+` is a space, a valid `%XX` escape is its byte, an invalid escape (`%`, `%zz`)
/// and any raw byte stay as they are, and bytes that are not UTF-8 become U+FFFD.
///
/// Foundation's `URLComponents.percentEncodedQuery` setter stops the process on such input, so
/// raw bodies never go there (see docs/security-model.md, "Input that could stop the process").
struct FormBody: Sendable, Equatable {
    /// One `name=value` pair, in the order sent; a name may repeat.
    struct Field: Sendable, Equatable {
        let name: String
        let value: String
    }

    let fields: [Field]

    init(_ bytes: some Sequence<UInt8>) {
        fields = Array(bytes).split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return Field(name: Self.decode(parts[0]), value: parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Decodes one name or value: `+` as space, valid escapes as bytes, everything else kept.
    static func decode(_ encoded: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "%"), encoded.distance(from: index, to: encoded.endIndex) >= 3,
               let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
                continue
            }
            bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
