import Foundation

/// Who is making a change, for the alias history: the user behind sudo, else the login user, else the uid.
enum ModelsActor {
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let uid = getuid()
        if let sudo = environment["SUDO_USER"], !sudo.isEmpty { return "\(sudo) (sudo, uid \(uid))" }
        if let user = environment["USER"], !user.isEmpty { return user }
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(uid)"
    }
}
