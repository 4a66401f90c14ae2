import Testing
@testable import ShadowConfig

/// Tables, arrays of tables and dotted keys: how a document becomes a tree.
@Suite struct TOMLParserStructureTests {
    @Test("dotted, quoted and empty quoted keys")
    func keys() throws {
        let doc = try TOMLParser.parse("""
        physical.color = "orange"
        site."google.com" = true
        'literal key' = 1
        "" = "empty"
        3.14159 = "pi"
        """)
        #expect(doc["physical"]?.table?["color"]?.string == "orange")
        #expect(doc["site"]?.table?["google.com"]?.boolean == true)
        #expect(doc["literal key"]?.integer == 1)
        #expect(doc[""]?.string == "empty")
        #expect(doc["3"]?.table?["14159"]?.string == "pi")
    }

    @Test("a parent made implicitly by a header may be defined later; dotted tables may gain sub-tables")
    func implicitAndDottedTables() throws {
        let doc = try TOMLParser.parse("""
        [x.y.z.w]
        a = 1
        [x]
        b = 2
        [fruit]
        apple.color = "red"
        apple.taste.sweet = true
        [fruit.apple.texture]
        smooth = true
        """)
        #expect(doc["x"]?.table?.keys == ["y", "b"])
        #expect(doc["x"]?.line == 3)
        let apple = try #require(doc["fruit"]?.table?["apple"]?.table)
        #expect(apple.keys == ["color", "taste", "texture"])
        #expect(apple["texture"]?.table?["smooth"]?.boolean == true)
    }

    @Test("arrays of tables collect their elements and sub-tables attach to the last one")
    func arraysOfTables() throws {
        let doc = try TOMLParser.parse("""
        [[fruits]]
        name = "apple"
        [fruits.physical]
        color = "red"
        [[fruits.varieties]]
        name = "red delicious"
        [[fruits.varieties]]
        name = "granny smith"

        [[fruits]]
        name = "banana"
        [[fruits.varieties]]
        name = "plantain"
        """)
        let fruits = try #require(doc["fruits"]?.array)
        #expect(fruits.map(\.line) == [1, 10])
        #expect(fruits[0].table?["physical"]?.table?["color"]?.string == "red")
        #expect(fruits[0].table?["varieties"]?.array?.compactMap { $0.table?["name"]?.string }
            == ["red delicious", "granny smith"])
        #expect(fruits[1].table?["varieties"]?.array?.count == 1)
    }

    @Test("CRLF line endings, a byte-order mark and comments everywhere")
    func lineEndingsAndComments() throws {
        let doc = try TOMLParser.parse("\u{FEFF}# top\r\n[a] # header\r\nb = 1 # value\r\n\r\n# end")
        #expect(doc["a"]?.table?["b"]?.integer == 1)
        #expect(doc["a"]?.table?[entry: "b"]?.line == 3)
    }

    @Test("an empty document is an empty table")
    func emptyDocument() throws {
        #expect(try TOMLParser.parse("") == TOMLTable())
        #expect(try TOMLParser.parse("\n  # only a comment\n") == TOMLTable())
    }
}
