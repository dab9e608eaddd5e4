import Fluent
import Foundation

/// Active staff by clinical role, for the care-team choices and the choice of fidelity raters.
struct StaffDirectory {
    struct Member {
        let id: UUID
        let name: String
    }

    let database: any Database

    func load() async throws -> (therapists: [Member], supervisors: [Member]) {
        let staff = try await UserAccount.query(on: database).filter(\.$disabledAt == nil).sort(\.$displayName).all()
        let members: (String) -> [Member] = { role in staff.filter { $0.roleNames.contains(role) }.compactMap { user in user.id.map { Member(id: $0, name: user.displayName) } } }
        return (members("therapist"), members("supervisor"))
    }

    /// The clinicians who may rate fidelity: supervisors, then therapists, each once, by name.
    func raters() async throws -> [Member] {
        let staff = try await load()
        var seen: Set<UUID> = []
        return (staff.supervisors + staff.therapists).filter { seen.insert($0.id).inserted }
    }
}
