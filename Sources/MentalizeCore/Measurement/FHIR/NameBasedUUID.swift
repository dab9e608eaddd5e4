import Crypto
import Foundation

/// RFC 4122 version-5 (name-based, SHA-1) UUIDs: the same namespace and name always give the
/// same id, so derived resources keep stable ids across exports.
enum NameBasedUUID {
    static func make(namespace: UUID, name: String) -> UUID {
        var input = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        input.append(contentsOf: Array(name.utf8))
        var bytes = Array(Insecure.SHA1.hash(data: input).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }
}

extension UUID {
    /// The lowercase form FHIR requires in `urn:uuid:` URIs and ids.
    var fhirId: String { uuidString.lowercased() }
}
