import Testing
@testable import KGraph

@Suite struct PartialDateTests {
    @Test(arguments: [("2024", DatePrecision.year), ("2024-01", .month), ("2024-01-28", .day), ("2024-02-29", .day)])
    func parsesReducedPrecision(text: String, precision: DatePrecision) throws {
        let d = try #require(PartialDate(text))
        #expect(d.precision == precision)
        #expect(d.description == text)
    }

    @Test(arguments: ["2023-02-29", "2024-13", "2024-04-31", "2024-1-5", "24", "2024-01-28T10:00", "", "abcd", "0000"])
    func rejectsImpossibleOrMalformed(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func boundsCoverTheWholePeriod() throws {
        let feb = try #require(PartialDate("2024-02"))
        #expect(feb.earliestDay == 20240201)
        #expect(feb.latestDay == 20240229)
        let year = try #require(PartialDate("2023"))
        #expect(year.earliestDay == 20230101 && year.latestDay == 20231231)
    }

    @Test func intervals() throws {
        let span = try TimeSpan.parse("2019-12..2024-02").get()
        #expect(!span.isInstant)
        #expect(span.description == "2019-12..2024-02")
        #expect(span.precision == .month)
        let open = try TimeSpan.parse("2023-10..").get()
        #expect(open.end == nil && open.description == "2023-10..")
        #expect(TimeSpan.parse("2024-05..2024-01") == .failure(.endsBeforeStart("2024-05..2024-01")))
        #expect(TimeSpan.parse("..") == .failure(.badDate("..")))
        #expect(TimeSpan.parse("2024-02-30") == .failure(.badDate("2024-02-30")))
    }

    @Test func windowOverlap() throws {
        let jan28 = try TimeSpan.parse("2024-01-28").get()
        let feb = PartialDate("2024-02"), jan = PartialDate("2024-01")
        #expect(jan28.overlaps(from: jan, to: jan))
        #expect(!jan28.overlaps(from: feb, to: nil))
        #expect(jan28.overlaps(from: nil, to: feb))
        let since2019 = try TimeSpan.parse("2019..").get()
        #expect(since2019.overlaps(from: PartialDate("2030"), to: nil))
        #expect(!since2019.overlaps(from: nil, to: PartialDate("2018")))
    }
}
