import Foundation

/// Why an XML file was refused: a well-formedness or safety problem, with where it is.
public struct XMLSyntaxError: Error, Sendable, CustomStringConvertible {
    public var location: FileLocation
    public var message: String
    public var description: String { "\(location): \(message)" }
}
