import Foundation
import LocalHarness

/// The repository's own files, as the deployment tests read them.
enum RepositoryFile {
    /// The repository: three levels above this file (Tests/DeploymentTests/<file>).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A YAML file of the repository (`template.yaml`), through the harness's template reader.
    static func yaml(_ relativePath: String) throws -> TemplateNode {
        try TemplateNode.parse(yaml: try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8))
    }
}
