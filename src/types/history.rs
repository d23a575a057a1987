//! History events (placeholder until the full model lands).

/// A history event's type.
pub type HistoryEventType = String;
/// A history event.
pub type HistoryEvent = String;
/// A history event's details.
pub type EventDetails = String;
