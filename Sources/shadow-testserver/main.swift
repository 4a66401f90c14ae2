#if canImport(Glibc)
import Glibc
#endif
import ShadowHTTP

do {
    let options = try ScriptedServerOptions.parse(Array(CommandLine.arguments.dropFirst()))
    let server = try ScriptedServer(options: options)
    let line = Array("listening \(server.port)\n".utf8)
    _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    server.run()
} catch {
    let line = Array("shadow-testserver: \(error)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}
