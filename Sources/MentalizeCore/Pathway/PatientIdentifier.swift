import Foundation

/// The kinds of national patient identifier a clinic records. Stored as the raw value.
public enum IdentifierType: String, CaseIterable, Codable, Sendable {
    /// NHS number (England, Wales, Isle of Man): 10 digits with a modulus-11 check digit.
    case nhs
    /// Burgerservicenummer (Netherlands): 9 digits passing the "elfproef".
    case bsn
    /// Any other identifier (another country's number, a local hospital number).
    case other
}

/// Why an identifier was refused.
public enum IdentifierProblem: String, Hashable, Sendable {
    case wrongLength
    case notDigits
    case checkDigit
    case invalidCharacters
}

/// Checks and normalises identifiers: spaces and dashes people type are removed from numbers.
public enum PatientIdentifierCheck {
    /// The value as stored: digits only for NHS and BSN numbers, trimmed text otherwise.
    public static func normalized(_ value: String, type: IdentifierType) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        switch type {
        case .nhs, .bsn: return trimmed.filter { $0 != " " && $0 != "-" }
        case .other: return trimmed
        }
    }

    /// The problem with `value` as an identifier of `type`, or nil when it is valid.
    public static func problem(_ value: String, type: IdentifierType) -> IdentifierProblem? {
        let value = normalized(value, type: type)
        switch type {
        case .nhs, .bsn:
            guard value.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .notDigits }
            let digits = value.compactMap(\.wholeNumberValue)
            guard digits.count == (type == .nhs ? 10 : 9) else { return .wrongLength }
            return (type == .nhs ? nhsCheckHolds(digits) : bsnCheckHolds(digits)) ? nil : .checkDigit
        case .other:
            guard (1...40).contains(value.count) else { return .wrongLength }
            let allowed = value.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || " -/.".contains($0) }
            return allowed ? nil : .invalidCharacters
        }
    }

    /// NHS number: weights 10...2 on the first nine digits; 11 minus the sum modulo 11 is the check
    /// digit (11 reads as 0; 10 means the number is not valid).
    static func nhsCheckHolds(_ digits: [Int]) -> Bool {
        let sum = zip(digits.prefix(9), stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        if check == 10 { return false }
        return (check == 11 ? 0 : check) == digits[9]
    }

    /// BSN "elfproef": 9·d1 + 8·d2 + ... + 2·d8 − d9 is a multiple of 11 (and the number is not all zeros).
    static func bsnCheckHolds(_ digits: [Int]) -> Bool {
        let sum = zip(digits.prefix(8), stride(from: 9, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 } - digits[8]
        return sum % 11 == 0 && digits.contains { $0 != 0 }
    }
}
