import ArgumentParser
import DeclassKit

/// `declass diff --format text|json|html`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

extension ColorMode: ExpressibleByArgument {}
