import Foundation

// Validation of the bytes as they arrive: UTF-8, and only characters XML allows.
extension XMLTokenizer {
    /// Validates `[usable, length)`: UTF-8, and only characters XML allows (no C0 controls other
    /// than tab, LF and CR; no U+FFFE or U+FFFF). Stops before a sequence cut by the chunk's end.
    mutating func validate() {
        var i = usable
        let n = length
        let p = UnsafeRawPointer(buf)
        let high: UInt64 = 0x8080_8080_8080_8080
        // For a word of ASCII bytes: the lanes below 0x20, and the lanes equal to zero (both exact).
        @inline(__always) func controls(_ w: UInt64) -> UInt64 { ~(w &+ 0x6060_6060_6060_6060) & high }
        @inline(__always) func zeros(_ w: UInt64) -> UInt64 { ~(w &+ 0x7F7F_7F7F_7F7F_7F7F) & high }
        let high2 = SIMD2<UInt64>(repeating: 0x8080_8080_8080_8080)
        @inline(__always) func controls2(_ w: SIMD2<UInt64>) -> SIMD2<UInt64> { ~(w &+ SIMD2(repeating: 0x6060_6060_6060_6060)) & high2 }
        @inline(__always) func zeros2(_ w: SIMD2<UInt64>) -> SIMD2<UInt64> { ~(w &+ SIMD2(repeating: 0x7F7F_7F7F_7F7F_7F7F)) & high2 }
        // Control characters other than tab, LF and CR among sixteen ASCII bytes.
        @inline(__always) func refused2(_ w: SIMD2<UInt64>) -> SIMD2<UInt64> {
            controls2(w) & ~(zeros2(w ^ SIMD2(repeating: 0x0A0A_0A0A_0A0A_0A0A)) | zeros2(w ^ SIMD2(repeating: 0x0909_0909_0909_0909))
                             | zeros2(w ^ SIMD2(repeating: 0x0D0D_0D0D_0D0D_0D0D)))
        }
        while i < n {
            // Thirty-two ASCII bytes at a time when their only control characters are tab, LF and CR.
            if i &+ 32 <= n {
                let a = p.loadUnaligned(fromByteOffset: i, as: SIMD2<UInt64>.self)
                let b = p.loadUnaligned(fromByteOffset: i &+ 16, as: SIMD2<UInt64>.self)
                let nonASCII = (a | b) & high2
                if nonASCII[0] | nonASCII[1] == 0 {
                    let ca = controls2(a), cb = controls2(b)
                    let c = ca | cb
                    if c[0] | c[1] == 0 {
                        i &+= 32
                        continue
                    }
                    // Most often the only control characters are line feeds.
                    let lf = SIMD2<UInt64>(repeating: 0x0A0A_0A0A_0A0A_0A0A)
                    let other = ca & ~zeros2(a ^ lf) | cb & ~zeros2(b ^ lf)
                    if other[0] | other[1] == 0 {
                        i &+= 32
                        continue
                    }
                    let r = refused2(a) | refused2(b)
                    if r[0] | r[1] == 0 {
                        i &+= 32
                        continue
                    }
                }
            }
            // Sixteen.
            if i + 16 <= n {
                let w0 = p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let w1 = p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                if (w0 | w1) & high == 0 {
                    let c0 = controls(w0), c1 = controls(w1)
                    if c0 | c1 == 0 {
                        i += 16
                        continue
                    }
                    let ok0 = zeros(w0 ^ 0x0A0A_0A0A_0A0A_0A0A) | zeros(w0 ^ 0x0909_0909_0909_0909) | zeros(w0 ^ 0x0D0D_0D0D_0D0D_0D0D)
                    let ok1 = zeros(w1 ^ 0x0A0A_0A0A_0A0A_0A0A) | zeros(w1 ^ 0x0909_0909_0909_0909) | zeros(w1 ^ 0x0D0D_0D0D_0D0D_0D0D)
                    if c0 & ~ok0 | c1 & ~ok1 == 0 {
                        i += 16
                        continue
                    }
                }
            }
            let b = buf[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                    return fail(at: i, "character U+" + Self.hex(UInt32(b)) + " (a control character) is not allowed in XML")
                }
                i += 1
                continue
            }
            let need: Int
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07)
            default: return fail(at: i, "invalid UTF-8 (byte 0x" + Self.hex(UInt32(b), width: 2) + "); kgraph reads UTF-8 XML")
            }
            if i + need >= n {
                if !sourceDone { break }  // the rest of the sequence is in the next chunk
                return fail(at: i, "invalid UTF-8 (a sequence cut short by the end of the file)")
            }
            for k in 1...need {
                let c = buf[i + k]
                guard c & 0xC0 == 0x80 else {
                    return fail(at: i, "invalid UTF-8 (byte 0x" + Self.hex(UInt32(b), width: 2) + " not followed by a continuation byte)")
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return fail(at: i, "invalid UTF-8 (an overlong, surrogate or out-of-range sequence)")
            }
            if scalar == 0xFFFE || scalar == 0xFFFF {
                return fail(at: i, "character U+" + Self.hex(scalar) + " is not allowed in XML")
            }
            i += need + 1
        }
        usable = i
    }

    mutating func fail(at i: Int, _ message: String) {
        usable = i
        invalidAt = i
        invalidMessage = message
    }

    static func hex(_ v: UInt32, width: Int = 4) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
