/// Which write a body is for: it decides what a missing field means.
public enum CollectionWrite: Sendable, Hashable {
    /// `POST`: a missing field takes its default, or is a 422 when it has none.
    case create
    /// `PATCH`: a missing field keeps its stored value.
    case update
}
