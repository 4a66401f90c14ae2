import Testing
@testable import ShadowConfig

/// Every file under fixtures/config/invalid with the exact first error it must produce.
@Suite struct ConfigFixtureTests {
    static let directory = Fixtures.configDirectory + "/invalid"

    static let expected: [String: String] = [
        "bad-name.toml": #"bad-name.toml:2: models[0].name: "churn v41" is not a valid model name (use letters, digits, "_", "." and "-")"#,
        "compare-abs-tol-negative.toml": "compare-abs-tol-negative.toml:8: compare.abs_tol: must be at least 0, found -0.01",
        "compare-not-a-table.toml": "compare-not-a-table.toml:1: compare: expected a table, found a string",
        "compare-task-unknown.toml": #"compare-task-unknown.toml:8: compare.task: unknown value "ranking" (expected one of: binary, multiclass, regression)"#,
        "compare-threshold-nan.toml": "compare-threshold-nan.toml:8: compare.threshold: expected a finite number, found nan",
        "compare-threshold-range.toml": "compare-threshold-range.toml:8: compare.threshold: must be between 0 and 1, found 1.5",
        "duplicate-name.toml": #"duplicate-name.toml:8: models[1].name: duplicate model name "champion" (first used at line 2)"#,
        "features-duplicate.toml": #"features-duplicate.toml:10: models[0].features[2]: duplicate feature "age" (also at index 0)"#,
        "features-not-strings.toml": "features-not-strings.toml:7: models[0].features[1]: expected a string, found an integer",
        "first-error-by-line.toml": "first-error-by-line.toml:2: replay.batch_size: must be between 1 and 65536, found 0",
        "http-kind.toml": #"http-kind.toml:8: models[0].ca_file: only an https:// url takes this key (url is "http://models.example:8080/v2/models/remote/infer")"#,
        "missing-name.toml": "missing-name.toml:1: models[0].name: required key is missing",
        "missing-path.toml": #"missing-path.toml:1: models[0].path: required for kind "lightgbm" (the model file)"#,
        "missing-role.toml": "missing-role.toml:1: models[0].role: required key is missing",
        "models-as-table.toml": "models-as-table.toml:1: models: expected an array of tables ([[models]]), found a table",
        "no-champion.toml": #"no-champion.toml:1: models: no model has role "champion" (exactly one is required)"#,
        "no-models.toml": #"no-models.toml: models: no [[models]] entry (exactly one model with role "champion" is required)"#,
        "path-tilde.toml": #"path-tilde.toml:5: models[0].path: "~" is not expanded; write the full path"#,
        "replay-batch-size-range.toml": "replay-batch-size-range.toml:8: replay.batch_size: must be between 1 and 65536, found 100000",
        "replay-max-in-flight-zero.toml": "replay-max-in-flight-zero.toml:8: replay.max_in_flight: must be between 1 and 256, found 0",
        "source-delimiter-quote.toml": #"source-delimiter-quote.toml:8: source.csv_delimiter: "\"" cannot be the delimiter (it is the CSV quote character)"#,
        "source-delimiter-two-chars.toml": #"source-delimiter-two-chars.toml:8: source.csv_delimiter: expected a single ASCII character, found ";;""#,
        "source-feature-names-empty.toml": "source-feature-names-empty.toml:8: source.fields.feature_names: must list at least one feature",
        "source-feature-pointer.toml": #"source-feature-pointer.toml:9: source.fields.feature."plan name": "plan" is not a JSON pointer (it must be empty or start with "/", e.g. "/plan")"#,
        "source-format-unknown.toml": #"source-format-unknown.toml:8: source.format: unknown value "parquet" (expected one of: auto, jsonl, csv, gor, kserve-log, seldon-log)"#,
        "source-max-line-bytes-small.toml": "source-max-line-bytes-small.toml:8: source.max_line_bytes: must be at least 64, found 10",
        "source-pointer-bad-tilde.toml": #"source-pointer-bad-tilde.toml:8: source.fields.label: "/outcome~2" is not a valid JSON pointer ("~" must be followed by 0 or 1: write ~0 for "~" and ~1 for "/")"#,
        "source-pointer-no-slash.toml": #"source-pointer-no-slash.toml:8: source.fields.id: "request_id" is not a JSON pointer (it must be empty or start with "/", e.g. "/request_id")"#,
        "source-time-unit.toml": #"source-time-unit.toml:9: source.fields.time_unit: unknown value "seconds" (expected one of: auto, iso8601, s, ms, us, ns)"#,
        "store-batch-rows-float.toml": "store-batch-rows-float.toml:8: store.batch_rows: expected an integer, found a float",
        "store-features-string.toml": "store-features-string.toml:8: store.store_features: expected a boolean, found a string",
        "store-path-empty.toml": "store-path-empty.toml:8: store.path: must not be empty",
        "syntax-bad-escape.toml": #"syntax-bad-escape.toml:9:12: invalid escape sequence "\q""#,
        "syntax-dotted-into-header-table.toml": "syntax-dotted-into-header-table.toml:11:1: cannot add to table [source.fields] with dotted keys: it comes from a table header (line 7)",
        "syntax-duplicate-key.toml": #"syntax-duplicate-key.toml:4:1: duplicate key "name" (first defined at line 2)"#,
        "syntax-leading-zero.toml": #"syntax-leading-zero.toml:8:14: leading zeros are not allowed in "0512""#,
        "syntax-missing-equals.toml": #"syntax-missing-equals.toml:8:6: expected "=" after key "path", found '"'"#,
        "syntax-table-redefined.toml": "syntax-table-redefined.toml:10:2: table [store] is already defined at line 7",
        "syntax-unterminated-string.toml": #"syntax-unterminated-string.toml:8:8: unterminated string (use """ for a string that spans lines)"#,
        "timeout-zero.toml": "timeout-zero.toml:7: models[0].timeout_ms: must be at least 1, found 0",
        "two-champions.toml": #"two-champions.toml:9: models[1].role: only one model may be the champion, and "champion" (line 3) already is"#,
        "unknown-key-model.toml": #"unknown-key-model.toml:18: models[2].timeout: unknown key (did you mean "timeout_ms"?)"#,
        "unknown-key-store.toml": #"unknown-key-store.toml:9: store.batchrows: unknown key (did you mean "batch_rows"?)"#,
        "unknown-kind.toml": #"unknown-kind.toml:10: models[1].kind: unknown value "xgb" (expected one of: xgboost, lightgbm, linear, http, process)"#,
        "unknown-section.toml": "unknown-section.toml:7: drifts: unknown key (did you mean \"drift\"?)",
    ]

    @Test("every invalid fixture has an expected message, and every message a fixture")
    func tableCoversTheFolder() {
        #expect(Fixtures.tomlFiles(in: Self.directory) == Self.expected.keys.sorted())
    }

    @Test("each invalid fixture fails with its exact message", arguments: expected.keys.sorted())
    func fixtureFails(name: String) throws {
        let path = Self.directory + "/" + name
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(path: path) }
        #expect(error.file == path)
        #expect(error.description == Self.directory + "/" + Self.expected[name]!)
    }

    @Test("check lists every problem of a file in line order")
    func checkListsAllProblems() {
        let path = Self.directory + "/first-error-by-line.toml"
        let problems = ConfigLoader.check(path: path).map { ($0.line, $0.keyPath) }
        #expect(problems.map(\.0) == [2, 13])
        #expect(problems.map(\.1) == ["replay.batch_size", "models[1].kind"])
    }
}
