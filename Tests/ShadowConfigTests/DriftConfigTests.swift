import Testing
import ShadowCore
@testable import ShadowConfig

/// `[drift]`: defaults, every key read, and exact errors with line and key path.
@Suite struct DriftConfigTests {
    static let base = """
        [[models]]
        name = "c"
        role = "champion"
        kind = "xgboost"
        path = "c.json"

        """

    func errors(_ text: String) -> [String] {
        ConfigLoader.check(Self.base + text, file: "d.toml", baseDirectory: "/etc/shadowd").map(\.description)
    }

    @Test func offByDefault() throws {
        let settings = try ConfigLoader.parse(Self.base, file: "d.toml", baseDirectory: "/etc/shadowd")
        #expect(settings.drift == DriftSettings())
        #expect(!settings.drift.enabled && settings.drift.window == 1000 && settings.drift.step == 1000)
        #expect(settings.drift.statistics == [.psi, .ks] && settings.drift.reference == .firstN)
    }

    @Test func everyKeyIsRead() throws {
        let text = Self.base + """
            [drift]
            enabled = true
            window = 500
            step = 100
            reference = "profile"
            reference_records = 2000
            profile = "base.json"
            statistics = ["psi", "ks", "wasserstein_norm", "js", "chi2", "linf"]
            psi_binning = "sturges"
            psi_bins = 20
            features = ["x0", "prediction"]

            [drift.detectors]
            error = "ddm"
            disagreement = "none"

            [[drift.rules]]
            name = "a"
            signal = "ks_pvalue:x0"
            warn = 0.01
            alert = 0.001
            direction = "below"
            min_samples = 100
            consecutive = 2
            cooldown_s = 600
            retrain = true

            [[drift.rules]]
            name = "b"
            all = ["psi:x0", "error"]
            alert = 1

            [[drift.actions]]
            on = ["retrain"]
            kind = "exec"
            argv = ["/usr/bin/retrain", "--now"]
            timeout_ms = 5000

            [[drift.actions]]
            kind = "webhook"
            url = "http://127.0.0.1:9/x"
            retries = 4
            """
        let d = try ConfigLoader.parse(text, file: "d.toml", baseDirectory: "/etc/shadowd").drift
        #expect(d.enabled && d.window == 500 && d.step == 100 && d.reference == .profile && d.referenceRecords == 2000)
        #expect(d.profile == "/etc/shadowd/base.json")
        #expect(d.statistics == [.psi, .ks, .wassersteinNorm, .js, .chi2, .linf])
        #expect(d.psiBinning == .sturges && d.psiBins == 20 && d.features == ["x0", "prediction"])
        #expect(d.errorDetector == .ddm && d.disagreementDetector == DriftSettings.Detector.none)
        #expect(d.rules == [
            DriftSettings.Rule(name: "a", signals: ["ks_pvalue:x0"], warn: 0.01, alert: 0.001, direction: .below,
                               minSamples: 100, consecutive: 2, cooldownSeconds: 600, retrain: true),
            DriftSettings.Rule(name: "b", combine: .all, signals: ["psi:x0", "error"], alert: 1),
        ])
        #expect(d.actions == [
            DriftSettings.Action(on: [.retrain], kind: .exec, argv: ["/usr/bin/retrain", "--now"], timeoutMs: 5000),
            DriftSettings.Action(on: [.alert, .retrain], kind: .webhook, url: "http://127.0.0.1:9/x", retries: 4),
        ])
    }

    @Test func timeWindowsAreRead() throws {
        let settings = try ConfigLoader.parse(Self.base + "[drift]\nenabled = true\nwindow_seconds = 3600\n",
                                              file: "d.toml", baseDirectory: "/")
        #expect(settings.drift.windowSeconds == 3600)
        #expect(settings.drift.step == settings.drift.window)
        #expect(try ConfigLoader.parse(Self.base, file: "d.toml", baseDirectory: "/").drift.windowSeconds == nil)
    }

    @Test func errorsNameLineAndKeyPath() {
        #expect(errors("[drift]\nwindw = 5\n") == [#"d.toml:7: drift.windw: unknown key (did you mean "window"?)"#])
        #expect(errors("[drift]\nreference = \"yesterday\"\n") == [
            #"d.toml:7: drift.reference: unknown value "yesterday" (expected one of: first_n, profile, same_hour_day, same_hour_week)"#,
        ])
        #expect(errors("[drift]\nstatistics = [\"psi\", \"kl\"]\n") == [
            #"d.toml:7: drift.statistics[1]: unknown value "kl" (expected one of: psi, ks, wasserstein_norm, js, chi2, linf)"#,
        ])
        #expect(errors("[drift]\nwindow = 100\nstep = 200\n") == ["d.toml:8: drift.step: must not exceed window (100), found 200"])
        #expect(errors("[drift]\nwindow = 100\nstep = 50\nwindow_seconds = 60\n") == [
            "d.toml:9: drift.window_seconds: time windows do not slide: step must be unset or equal to window",
        ])
        #expect(errors("[drift]\nwindow_seconds = 0\n") == [
            "d.toml:7: drift.window_seconds: must be between 1 and 31536000, found 0",
        ])
        #expect(errors("[drift.detectors]\nerror = \"kswin\"\n") == [
            #"d.toml:7: drift.detectors.error: unknown value "kswin" (expected one of: adwin, ddm, page_hinkley, none)"#,
        ])
        #expect(errors("[[drift.rules]]\nname = \"r\"\nsignal = \"psi:x0\"\nalert = 0.2\nthresh = 1\n") == [
            #"d.toml:10: drift.rules[0].thresh: unknown key (expected one of: name, signal, any, all, warn, alert, direction, min_samples, consecutive, cooldown_s, retrain)"#,
        ])
        #expect(errors("[[drift.rules]]\nname = \"r\"\nsignal = \"psi\"\nalert = 0.2\n") == [
            #"d.toml:8: drift.rules[0].signal: unknown signal "psi" (expected STAT:FEATURE with STAT one of psi, ks_pvalue, wasserstein_norm, js, chi2_pvalue, linf, or disagreement:SHADOW, disagreement_rate:SHADOW, error, error_rate)"#,
        ])
        #expect(errors("[[drift.rules]]\nname = \"r\"\nsignal = \"psi:x0\"\nany = [\"error\"]\nalert = 1\n") == [
            "d.toml:9: drift.rules[0].any: give only one of signal, any or all",
        ])
        #expect(errors("[[drift.rules]]\nname = \"r\"\nsignal = \"error\"\n") == [
            "d.toml:6: drift.rules[0].alert: a rule needs warn, alert or both",
        ])
        #expect(errors("[[drift.rules]]\nname = \"r\"\nsignal = \"error\"\nalert = 1\n[[drift.rules]]\nname = \"r\"\nsignal = \"error\"\nalert = 2\n") == [
            #"d.toml:11: drift.rules[1].name: the rule "r" is defined twice"#,
        ])
        #expect(errors("[[drift.actions]]\nkind = \"webhook\"\nurl = \"https://x/\"\n") == [
            #"d.toml:8: drift.actions[0].url: only http:// URLs are supported (https is not), found "https://x/""#,
        ])
        #expect(errors("[[drift.actions]]\nkind = \"exec\"\n") == [
            #"d.toml:6: drift.actions[0].argv: required for kind = "exec""#,
        ])
        #expect(errors("[drift]\nreference = \"profile\"\n") == [
            #"d.toml:6: drift.profile: required when reference = "profile""#,
        ])
    }
}
