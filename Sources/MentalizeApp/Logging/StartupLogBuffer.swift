import Foundation
import NIOConcurrencyHelpers

/// Holds log lines while a command starts, so a start-up failure that has a clear one-line
/// explanation (an unreachable database, a port in use) is not buried under the driver's own log
/// lines: on such a failure they are dropped; on success, or an unexpected failure, they are written.
enum StartupLogBuffer {
    private static let held = NIOLockedValueBox<[Data]?>(nil)

    /// Starts holding lines.
    static func hold() {
        held.withLockedValue { $0 = $0 ?? [] }
    }

    /// Keeps `line` if lines are being held; false when it should be written now.
    static func keep(_ line: Data) -> Bool {
        held.withLockedValue { lines in
            guard lines != nil else { return false }
            lines?.append(line)
            return true
        }
    }

    /// Stops holding; writes what was held when `write` is true, else drops it.
    static func release(write: Bool) {
        let lines = held.withLockedValue { lines in
            defer { lines = nil }
            return lines ?? []
        }
        guard write else { return }
        for line in lines { try? FileHandle.standardError.write(contentsOf: line) }
    }
}
