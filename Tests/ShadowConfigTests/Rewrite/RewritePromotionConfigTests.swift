import ShadowCore
import Testing
@testable import ShadowConfig

/// `[promotion]`: gate clauses are parsed strictly, and every mistake names file, line, key and the part at fault.
@Suite struct RewritePromotionConfigTests {
    static let base = """
        [[models]]
        name = "c"
        role = "champion"
        kind = "xgboost"
        path = "c.json"

        """

    func errors(_ text: String) -> [String] {
        ConfigLoader.check(Self.base + text, file: "p.toml", baseDirectory: "/etc/shadowd").map(\.description)
    }

    @Test func noGateByDefault() throws {
        let settings = try ConfigLoader.parse(Self.base, file: "p.toml", baseDirectory: "/")
        #expect(settings.promotion == PromotionSettings())
        #expect(settings.promotion.gate.isEmpty && settings.promotion.minRecords == 0)
    }

    @Test func clausesAreReadInOrder() throws {
        let text = Self.base + """
            [promotion]
            gate = ["disagreement_rate < 0.02", "p99_ratio<=1.1", "  records >= 1e4 ", "label_flip_rate>0",
                    "error_rate < 1", "p50_ratio <= 2", "p999_ratio < 3"]
            min_records = 10000
            """
        let settings = try ConfigLoader.parse(text, file: "p.toml", baseDirectory: "/")
        #expect(settings.promotion.minRecords == 10_000)
        #expect(settings.promotion.gate == [
            GateClause(.disagreementRate, .less, 0.02), GateClause(.p99Ratio, .lessOrEqual, 1.1),
            GateClause(.records, .greaterOrEqual, 10_000), GateClause(.labelFlipRate, .greater, 0),
            GateClause(.errorRate, .less, 1), GateClause(.p50Ratio, .lessOrEqual, 2), GateClause(.p999Ratio, .less, 3),
        ])
        #expect(settings.promotion.gate.map(\.description) == [
            "disagreement_rate < 0.02", "p99_ratio <= 1.1", "records >= 10000", "label_flip_rate > 0",
            "error_rate < 1", "p50_ratio <= 2", "p999_ratio < 3",
        ])
    }

    @Test func badClausesNameLineKeyAndPart() {
        let found = errors("""
            [promotion]
            gate = ["disagreement < 0.02",
                    "p99_ratio == 1.1",
                    "p99_ratio < 2%",
                    "p99_ratio",
                    "",
                    "records > nan",
                    "records > 0x10"]
            """)
        #expect(found == [
            #"p.toml:7: promotion.gate[0]: clause "disagreement < 0.02": expected a metric at the start, found "#
                + #""disagreement" (known: disagreement_rate, label_flip_rate, error_rate, p50_ratio, p99_ratio, "#
                + #"p999_ratio, records)"#,
            #"p.toml:8: promotion.gate[1]: clause "p99_ratio == 1.1": expected <, <=, > or >= after p99_ratio, "#
                + #"found "==""#,
            #"p.toml:9: promotion.gate[2]: clause "p99_ratio < 2%": expected a number after p99_ratio <, found "2%""#,
            #"p.toml:10: promotion.gate[3]: clause "p99_ratio": expected <, <=, > or >= after p99_ratio, found the end"#,
            #"p.toml:11: promotion.gate[4]: clause "": the clause is empty"#,
            #"p.toml:12: promotion.gate[5]: clause "records > nan": expected a number after records >, found "nan""#,
            #"p.toml:13: promotion.gate[6]: clause "records > 0x10": expected a number after records >, found "0x10""#,
        ])
    }

    @Test func wrongTypesAndUnknownKeys() {
        #expect(errors("[promotion]\ngate = \"p99_ratio < 1.1\"\n") == [
            "p.toml:7: promotion.gate: expected an array of strings, found a string",
        ])
        #expect(errors("[promotion]\ngate = [\"records > 1\", 2]\n") == [
            "p.toml:7: promotion.gate[1]: expected a string, found an integer",
        ])
        #expect(errors("[promotion]\nmin_records = -1\n") == [
            "p.toml:7: promotion.min_records: must be at least 0, found -1",
        ])
        #expect(errors("[promotion]\nmin_record = 5\n") == [
            #"p.toml:7: promotion.min_record: unknown key (did you mean "min_records"?)"#,
        ])
    }

    @Test func theSampleDeclaresTheIssuesGate() throws {
        let settings = try ConfigLoader.load(path: Fixtures.root + "/deploy/shadowd.toml")
        #expect(settings.promotion == PromotionSettings(
            gate: [GateClause(.disagreementRate, .less, 0.02), GateClause(.p99Ratio, .less, 1.1)], minRecords: 10_000))
    }

    @Test func clausesHoldByOperator() {
        #expect(GateClause(.p99Ratio, .less, 1.1).holds(1.09))
        #expect(!GateClause(.p99Ratio, .less, 1.1).holds(1.1))
        #expect(GateClause(.p99Ratio, .lessOrEqual, 1.1).holds(1.1))
        #expect(GateClause(.records, .greater, 5).holds(6) && !GateClause(.records, .greater, 5).holds(5))
        #expect(GateClause(.records, .greaterOrEqual, 5).holds(5) && !GateClause(.records, .greaterOrEqual, 5).holds(4))
    }
}
