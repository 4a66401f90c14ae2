import ShadowCore

extension WireCodec {
    /// Appends the request body for one record. `slots[i]` is the schema slot of `featureNames[i]`.
    public func appendBody(_ record: TrafficRecord, slots: [Int], to out: inout [UInt8]) {
        switch (settings.wire, settings.format) {
        case (.kserveV2, .columns?):
            out.append(contentsOf: #"{"id":"#.utf8)
            JSONNumber.appendString(record.id, to: &out)
            out.append(contentsOf: #","inputs":["#.utf8)
            for i in featureNames.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"{"name":"#.utf8)
                out += keyPrefixes[i].dropLast()
                let isString = record.features[slots[i]].isNaN && record.strings?[slots[i]] != nil
                out.append(contentsOf: #","shape":[1],"datatype":"#.utf8)
                JSONNumber.appendString(isString ? "BYTES" : settings.datatype, to: &out)
                out.append(contentsOf: #","data":["#.utf8)
                appendValue(record, slot: slots[i], to: &out)
                out.append(contentsOf: "]}".utf8)
            }
            out.append(contentsOf: "]}".utf8)
        case (.kserveV2, _):
            out.append(contentsOf: #"{"id":"#.utf8)
            JSONNumber.appendString(record.id, to: &out)
            out.append(contentsOf: #","inputs":[{"name":"#.utf8)
            JSONNumber.appendString(settings.inputName, to: &out)
            out.append(contentsOf: #","shape":[1,"#.utf8)
            JSONNumber.appendInteger(Int64(featureNames.count), to: &out)
            out.append(contentsOf: #"],"datatype":"#.utf8)
            JSONNumber.appendString(settings.datatype, to: &out)
            out.append(contentsOf: #","data":"#.utf8)
            appendRow(record, slots: slots, to: &out)
            out.append(contentsOf: "}]}".utf8)
        case (.mlflow, .dataframeRecords?):
            out.append(contentsOf: #"{"dataframe_records":["#.utf8)
            appendObject(record, slots: slots, to: &out)
            out.append(contentsOf: "]}".utf8)
        case (.mlflow, .instances?), (.tfserving, .row?), (.tfserving, nil):
            out.append(contentsOf: #"{"instances":["#.utf8)
            appendRow(record, slots: slots, to: &out)
            out.append(contentsOf: "]}".utf8)
        case (.mlflow, .inputs?):
            out.append(contentsOf: #"{"inputs":["#.utf8)
            appendRow(record, slots: slots, to: &out)
            out.append(contentsOf: "]}".utf8)
        case (.mlflow, _):
            out.append(contentsOf: #"{"dataframe_split":{"columns":"#.utf8)
            out += namesArray
            out.append(contentsOf: #","data":["#.utf8)
            appendRow(record, slots: slots, to: &out)
            out.append(contentsOf: "]}}".utf8)
        case (.tfserving, _):
            out.append(contentsOf: #"{"inputs":{"#.utf8)
            for i in featureNames.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out += keyPrefixes[i]
                out.append(UInt8(ascii: "["))
                appendValue(record, slot: slots[i], to: &out)
                out.append(UInt8(ascii: "]"))
            }
            out.append(contentsOf: "}}".utf8)
        case (.seldon, .seldonTensor?):
            out.append(contentsOf: #"{"data":{"tensor":{"shape":[1,"#.utf8)
            JSONNumber.appendInteger(Int64(featureNames.count), to: &out)
            out.append(contentsOf: #"],"values":"#.utf8)
            appendRow(record, slots: slots, to: &out)
            out.append(contentsOf: "}}}".utf8)
        case (.seldon, _):
            out.append(contentsOf: #"{"data":{"names":"#.utf8)
            out += namesArray
            out.append(contentsOf: #","ndarray":["#.utf8)
            appendRow(record, slots: slots, to: &out)
            out.append(contentsOf: "]}}".utf8)
        case (.json, _):
            for part in template {
                switch part {
                case .literal(let bytes): out += bytes
                case .features: appendRow(record, slots: slots, to: &out)
                case .object: appendObject(record, slots: slots, to: &out)
                case .id: JSONNumber.appendString(record.id, to: &out)
                }
            }
        }
    }

    /// `[v, …]` in input order.
    @inline(__always)
    func appendRow(_ record: TrafficRecord, slots: [Int], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for i in slots.indices {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendValue(record, slot: slots[i], to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// `{"name": v, …}` in input order.
    func appendObject(_ record: TrafficRecord, slots: [Int], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for i in slots.indices {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += keyPrefixes[i]
            appendValue(record, slot: slots[i], to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A number, a string feature as a JSON string, a missing value as `null`.
    @inline(__always)
    func appendValue(_ record: TrafficRecord, slot: Int, to out: inout [UInt8]) {
        let x = record.features[slot]
        if x.isNaN, let s = record.strings?[slot] {
            JSONNumber.appendString(s, to: &out)
        } else {
            JSONNumber.append(x, to: &out)
        }
    }
}
