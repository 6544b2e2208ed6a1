import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// `FieldReaders.idText`, which writes a cable id's bytes in one string, against the interpolation it replaces.
@Suite("Cable id text")
struct IDTextTests {
    @Test func agreesWithInterpolationOnRandomIDs() {
        // Years and serials of every length (and out of range: the other path), post names ASCII or not.
        let names = ["STATE", "ASTANA", "", "SAOPAULO", "BOGOTÁ", "X"]
        var rng = SplitMix64(seed: 0x1D7E_0001)
        for _ in 0..<5_000 {
            let y = Int.random(in: -20...120, using: &rng)
            let serial = [Int.random(in: -50...50, using: &rng), Int.random(in: 0...9_999_999, using: &rng), Int.max, 0].randomElement(using: &rng)!
            let name = names.randomElement(using: &rng)!
            #expect(FieldReaders.idText(year: y, name: name, serial: serial) == FieldReaders.idTextByInterpolation(year: y, name: name, serial: serial),
                    "\(y) \(name) \(serial)")
        }
    }

    @Test func writesTheYearWithTwoDigits() {
        #expect(FieldReaders.idText(year: 9, name: "ASTANA", serial: 319) == "09ASTANA319")
        #expect(FieldReaders.idText(year: 10, name: "STATE", serial: 0) == "10STATE0")
    }
}
