import ShadowCore
import ShadowModels
import Testing

/// Broken model files fail to load with an error naming the file, the field and (for text) the line.
@Suite struct MalformedModelTests {
    /// Loads `text` as `kind` under the name `file`, expecting a `ModelLoadError`.
    func loadError(_ kind: ModelSettings.Kind, _ text: String, file: String = "bad.model") -> ModelLoadError? {
        do {
            _ = try EmbeddedModelLoader.load(kind: kind, bytes: Array(text.utf8), source: file)
            Issue.record("\(file) loaded")
            return nil
        } catch let error as ModelLoadError {
            #expect(error.file == file)
            #expect(error.description.hasPrefix(file))
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    /// A fixture's text with the first occurrence of `old` replaced by `new`.
    func edited(_ path: String, _ old: String, _ new: String) throws -> String {
        let text = try Fixtures.text(path)
        let range = try #require(text.range(of: old), "\(old) in \(path)")
        return text.replacingCharacters(in: range, with: new)
    }

    @Test func xgboostNotJSON() {
        let error = loadError(.xgboost, "{\"learner\": [1, 2", file: "champion.json")
        #expect(error?.code == .malformed)
    }

    @Test func xgboostMissingField() throws {
        let text = try edited("models/xgb_binary.json", "\"split_conditions\":", "\"split_condition\":")
        let error = loadError(.xgboost, text, file: "xgb.json")
        #expect(error?.code == .missingField)
        #expect(error?.field == "learner.gradient_booster.model.trees[0].split_conditions")
    }

    @Test func xgboostWrongType() throws {
        let text = try edited("models/xgb_binary.json", "\"split_indices\":[", "\"split_indices\":[\"x\",")
        #expect(loadError(.xgboost, text)?.field.hasPrefix("learner.gradient_booster.model.trees[0].split_indices") == true)
    }

    @Test func xgboostUnsupportedObjective() throws {
        let text = try edited("models/xgb_binary.json", "\"name\":\"binary:logistic\"", "\"name\":\"rank:ndcg\"")
        let error = loadError(.xgboost, text)
        #expect(error?.code == .unsupported)
        #expect(error?.field == "learner.objective.name")
    }

    @Test func xgboostBadBaseScore() throws {
        let text = try edited("models/xgb_binary.json", "\"base_score\":\"[6.444E-1]\"", "\"base_score\":\"[1.5E0]\"")
        #expect(loadError(.xgboost, text)?.field == "learner.learner_model_param.base_score")
    }

    @Test func xgboostChildOutOfRange() throws {
        let text = try edited("models/xgb_binary.json", "\"left_children\":[1,", "\"left_children\":[99,")
        let error = loadError(.xgboost, text)
        #expect(error?.code == .invalidValue)
        #expect(error?.field == "learner.gradient_booster.model.trees[0].left_children[0]")
    }

    @Test func xgboostFeatureOutOfRange() throws {
        let text = try edited("models/xgb_binary.json", "\"split_indices\":[4,", "\"split_indices\":[8,")
        #expect(loadError(.xgboost, text)?.field == "learner.gradient_booster.model.trees[0].split_indices[0]")
    }

    @Test func lightgbmBadNumberNamesTreeAndLine() throws {
        let text = try Fixtures.text("models/lgb_binary.txt")
        let broken = text.replacingOccurrences(of: "threshold=38.5", with: "threshold=3x8.5")
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("threshold=38.5") }) + 1
        let error = loadError(.lightgbm, broken, file: "lgb_binary.txt")
        #expect(error?.code == .malformed)
        #expect(error?.field == "Tree=0 threshold")
        #expect(error?.line == line)
        #expect(error?.description.hasPrefix("lgb_binary.txt:\(line): field \"Tree=0 threshold\"") == true)
    }

    @Test func lightgbmTruncated() throws {
        let text = try Fixtures.text("models/lgb_regression.txt")
        let cut = String(text[..<text.range(of: "Tree=5")!.lowerBound])
        let error = loadError(.lightgbm, cut)
        #expect(error?.field == "end of trees")
    }

    @Test func lightgbmMissingField() throws {
        let text = try edited("models/lgb_multiclass.txt", "\nnum_leaves=", "\nnum_leafs=")
        let error = loadError(.lightgbm, text)
        #expect(error?.code == .missingField)
        #expect(error?.field == "Tree=0 num_leaves")
    }

    @Test func lightgbmWrongCount() throws {
        let text = try edited("models/lgb_binary.txt", "leaf_value=0.", "leaf_value=1 0.")
        #expect(loadError(.lightgbm, text)?.field == "Tree=0 leaf_value")
    }

    @Test func lightgbmUnsupportedObjective() throws {
        let text = try edited("models/lgb_binary.txt", "objective=binary sigmoid:1", "objective=lambdarank")
        let error = loadError(.lightgbm, text)
        #expect(error?.code == .unsupported)
        #expect(error?.field == "objective")
        #expect(error?.line == 7)
    }

    @Test func notALightGBMModel() {
        #expect(loadError(.lightgbm, "hello\nworld\n")?.code == .malformed)
    }

    @Test func linearBadLink() throws {
        let text = try edited("models/linear_binary.json", "\"logistic\"", "\"probit\"")
        #expect(loadError(.linear, text)?.field == "link")
    }

    @Test func linearWrongWeightCount() throws {
        let text = try edited("models/linear_regression.json", "\"coefficients\":[[", "\"coefficients\":[[1.0,")
        #expect(loadError(.linear, text)?.field == "coefficients[0]")
    }

    @Test func linearMissingIntercept() throws {
        let text = try edited("models/linear_multiclass.json", "\"intercept\"", "\"intercepts\"")
        let error = loadError(.linear, text)
        #expect(error?.code == .missingField)
        #expect(error?.field == "intercept")
    }

    @Test func remoteKindsAreNotEmbedded() {
        #expect(loadError(.http, "{}")?.field == "kind")
    }
}
