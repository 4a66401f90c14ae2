#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore
import ShadowSQLite

extension TimelineObserver {
    /// The observers of a `shadowctl replay --local`: the timeline first, then what `others` builds (drift
    /// monitoring); `finish` waits for both. A timeline write failure is reported once on stderr.
    public static func localObservers(
        adding others: @escaping (ShadowSettings, SQLiteStore) throws -> LocalReplay.Observers
    ) -> (ShadowSettings, SQLiteStore) throws -> LocalReplay.Observers {
        { settings, store in
            let rest = try others(settings, store)
            let timeline = TimelineObserver(store: store) { message in
                let line = Array("shadowctl: \(message)\n".utf8)
                _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            }
            return LocalReplay.Observers(observers: [timeline] + rest.observers, finish: {
                await rest.finish()
                await timeline.finish()
            })
        }
    }
}
