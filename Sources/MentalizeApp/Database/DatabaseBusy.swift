import FluentSQLiteDriver

/// Whether an error means the database was too busy to take a write in time (nothing was written):
/// the process's writer queue gave up, or SQLite's own lock wait for another process ran out.
enum DatabaseBusy {
    static func isBusy(_ error: any Error) -> Bool {
        if error is SQLiteWriterBusy { return true }
        guard let sqlite = error as? SQLiteError else { return false }
        return [.busy, .busyTimeout, .locked].contains(sqlite.reason)
    }
}
