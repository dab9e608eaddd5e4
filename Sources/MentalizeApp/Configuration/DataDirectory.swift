import Foundation

/// The folder that holds the secret key and, by default, the SQLite database.
struct DataDirectory: Sendable {
    let url: URL

    /// Creates the folder (mode 0700) if needed, refuses one that other users may open, and proves
    /// it is writable; writes nothing else.
    func prepare() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ConfigurationError("the data directory \(url.path) is a file, not a folder: give --data-dir a folder path")
            }
            // It holds the key and the records: nobody but this user may list or open it.
            if let mode = (try? fm.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
                throw ConfigurationError("the data directory \(url.path) can be opened by other users (mode \(String(mode & 0o777, radix: 8))): run chmod 700 \(url.path)")
            }
        } else {
            do {
                try fm.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw ConfigurationError("cannot create the data directory \(url.path): check the path and its permissions")
            }
        }
        let probe = url.appendingPathComponent(".write-check-\(UUID().uuidString)")
        guard fm.createFile(atPath: probe.path, contents: Data()) else {
            throw ConfigurationError("the data directory \(url.path) is not writable: fix its permissions or choose another --data-dir")
        }
        try? fm.removeItem(at: probe)
    }

    var secretKeyFile: URL { url.appendingPathComponent(SecretKeyStore.fileName) }
}
