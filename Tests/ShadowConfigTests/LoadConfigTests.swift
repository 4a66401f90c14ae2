import Testing
@testable import ShadowConfig

/// `[load]`: each profile read from its sub-table; mistakes name file, line and key.
@Suite struct LoadConfigTests {
    func load(_ text: String) throws -> LoadSettings { try ConfigLoader.parseLoad(text, file: "l.toml") }

    func message(_ text: String) -> String {
        do {
            _ = try load(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func everyProfileIsRead() throws {
        #expect(try load("").profile == .none)
        #expect(try load("[load]\nprofile = \"constant\"\n[load.constant]\nrate = 500").profile == .constant(rate: 500))
        #expect(try load("[load]\nprofile = \"recorded\"\n[load.recorded]\nspeed = 4.0\nmax_gap = 2").profile
            == .recorded(speed: 4, maxGapSeconds: 2))
        #expect(try load("[load]\nprofile = \"ramp\"\n[load.ramp]\nfrom = 1\nto = 10\nover = 5").profile
            == .ramp(from: 1, to: 10, overSeconds: 5))
        #expect(try load("[load]\nprofile = \"steps\"\n[[load.steps]]\nrate = 5\nseconds = 2\n[[load.steps]]\nrate = 9\nseconds = 1")
            .profile == .steps([.init(rate: 5, seconds: 2), .init(rate: 9, seconds: 1)]))
        #expect(try load("[load]\nprofile = \"poisson\"\n[load.poisson]\nrate = 50").profile == .poisson(rate: 50, seed: 1))
        let closed = try load("[load]\nprofile = \"closed\"\nmax_in_flight = 8\ninterval_s = 0.5\n[load.closed]\nconcurrency = 3")
        #expect(closed.profile == .closed(concurrency: 3))
        #expect(closed.maxInFlight == 8 && closed.intervalSeconds == 0.5)
        #expect(closed.describe == "closed concurrency=3")
    }

    @Test func otherProfilesTablesMayStay() throws {
        let text = "[load]\nprofile = \"none\"\n[load.constant]\nrate = 500\n[load.closed]\nconcurrency = 2"
        #expect(try load(text).profile == .none)
    }

    @Test func mistakesNameLineAndKey() {
        #expect(message("[load]\nprofile = \"fast\"")
            == "l.toml:2: load.profile: expected one of none, recorded, constant, ramp, steps, poisson, closed, found \"fast\"")
        #expect(message("[load]\nprofile = \"constant\"")
            == "l.toml:2: load.profile: profile \"constant\" needs a [load.constant] table")
        #expect(message("[load]\nprofile = \"constant\"\n[load.constant]\nspeed = 2")
            == "l.toml:3: load.constant.rate: required key is missing")
        #expect(message("[load]\nprofile = \"constant\"\n[load.constant]\nrate = 2\nspeed = 2")
            .hasPrefix("l.toml:5: load.constant.speed: unknown key"))
        #expect(message("[load]\nprofile = \"constant\"\n[load.constant]\nrate = 0") .hasPrefix("l.toml:4: load.constant.rate:"))
        #expect(message("[load]\nprofile = \"ramp\"\n[load.ramp]\nfrom = 1\nto = 2")
            == "l.toml:3: load.ramp.over: required key is missing")
        #expect(message("[load]\nprofile = \"steps\"") == "l.toml:2: load.profile: profile \"steps\" needs at least one [[load.steps]] table")
    }
}
