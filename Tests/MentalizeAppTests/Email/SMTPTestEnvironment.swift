import Foundation

/// Locates the Python interpreter and the test servers (`smtp_test_server.py`, `webhook_receiver.py`).
enum SMTPTestEnvironment {
    /// The interpreter command: `$MENTALIZE_TEST_PYTHON`, else `tests-e2e/.venv/bin/python`
    /// in the nearest ancestor folder that has one, else `python3` from the PATH.
    static var pythonCommand: [String] {
        if let python = ProcessInfo.processInfo.environment["MENTALIZE_TEST_PYTHON"], !python.isEmpty {
            return [python]
        }
        if let venvPython = nearestAncestorFile("tests-e2e/.venv/bin/python") {
            return [venvPython]
        }
        return ["/usr/bin/env", "python3"]
    }

    /// `Support/smtp_test_server.py` in the nearest ancestor folder of this file
    /// (`Tests/Support/` both here and in the app repository).
    static var serverScript: String? {
        nearestAncestorFile("Support/smtp_test_server.py")
    }

    /// `Support/webhook_receiver.py`, the webhook tests' HTTP receiver.
    static var webhookScript: String? {
        nearestAncestorFile("Support/webhook_receiver.py")
    }

    private static func nearestAncestorFile(_ relativePath: String, from file: String = #filePath) -> String? {
        var folder = URL(filePath: file).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appending(path: relativePath).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
