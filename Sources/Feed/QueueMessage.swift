/// A message for the queue, and the key it is reported under when it does not get through.
struct QueueMessage: Sendable, Hashable {
    var key: String
    var body: String
}
