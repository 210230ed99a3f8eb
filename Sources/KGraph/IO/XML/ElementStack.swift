/// The open elements: their names back to back and where each starts, in buffers allocated once.
struct ElementStack: ~Copyable {
    private var names: UnsafeMutablePointer<UInt8>
    private var namesCapacity = 1024
    private var namesUsed = 0
    /// Per element: end of its name in `names`, file offset, and line/column (0 until known).
    private let ends: UnsafeMutablePointer<Int>
    private let offsets: UnsafeMutablePointer<Int>
    private let lines: UnsafeMutablePointer<Int>
    private let columns: UnsafeMutablePointer<Int>
    private(set) var count = 0

    init(capacity: Int) {
        names = .allocate(capacity: namesCapacity)
        ends = .allocate(capacity: capacity + 1)
        offsets = .allocate(capacity: capacity + 1)
        lines = .allocate(capacity: capacity + 1)
        columns = .allocate(capacity: capacity + 1)
    }

    deinit {
        names.deallocate(); ends.deallocate(); offsets.deallocate(); lines.deallocate(); columns.deallocate()
    }

    @inline(__always)
    mutating func push(_ p: UnsafePointer<UInt8>, _ n: Int, offset: Int) {
        if namesUsed + n > namesCapacity { grow(n) }
        // Names are short: a plain loop beats a call to memmove.
        let to = names + namesUsed
        var k = 0
        while k < n { to[k] = p[k]; k &+= 1 }
        namesUsed &+= n
        ends[count] = namesUsed
        offsets[count] = offset
        lines[count] = 0
        columns[count] = 0
        count &+= 1
    }

    private mutating func grow(_ n: Int) {
        var c = namesCapacity * 2
        while namesUsed + n > c { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: names, count: namesUsed)
        names.deallocate()
        names = bigger
        namesCapacity = c
    }

    mutating func pop() {
        count -= 1
        namesUsed = count > 0 ? ends[count - 1] : 0
    }

    private func start(_ i: Int) -> Int { i > 0 ? ends[i - 1] : 0 }

    /// The innermost open element's name (valid until the next push or pop).
    var top: UnsafeBufferPointer<UInt8> {
        let s = start(count - 1)
        return UnsafeBufferPointer(start: names + s, count: ends[count - 1] - s)
    }

    /// True when the innermost open element is named by the `n` bytes at `p`.
    func topMatches(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let s = start(count - 1)
        guard ends[count - 1] - s == n else { return false }
        var k = 0
        while k < n { if names[s + k] != p[k] { return false }; k += 1 }
        return true
    }

    func name(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: names + start(i), count: ends[i] - start(i)), as: UTF8.self)
    }

    func offset(_ i: Int) -> Int { offsets[i] }
    func line(_ i: Int) -> Int { lines[i] }
    func column(_ i: Int) -> Int { columns[i] }
    mutating func setPlace(_ i: Int, line: Int, column: Int) { lines[i] = line; columns[i] = column }
}
