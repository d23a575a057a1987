//! What the benches send: history events as the service writes them.

use serde_json::{Value, json};

/// Event `n` of a Distributed Map child's Task state, as the service sends
/// it: the four events of the state in turn (entered, scheduled, succeeded,
/// exited), `payload` as their escaped input, parameters and output.
pub fn task_event(n: usize, payload: &str) -> Value {
    let (id, timestamp) = (n + 1, 1_795_559_751.538 + n as f64 / 1000.0);
    match n % 4 {
        0 => json!({"id": id, "previousEventId": n, "timestamp": timestamp,
            "type": "TaskStateEntered",
            "stateEnteredEventDetails": {"name": "ResizeImage", "input": payload,
                "inputDetails": {"truncated": false}}}),
        1 => json!({"id": id, "previousEventId": n, "timestamp": timestamp,
            "type": "TaskScheduled",
            "taskScheduledEventDetails": {"resourceType": "lambda", "resource": "invoke",
                "region": "us-east-1", "parameters": payload, "timeoutInSeconds": 60}}),
        2 => json!({"id": id, "previousEventId": n, "timestamp": timestamp,
            "type": "TaskSucceeded",
            "taskSucceededEventDetails": {"resourceType": "lambda", "resource": "invoke",
                "output": payload, "outputDetails": {"truncated": false}}}),
        _ => json!({"id": id, "previousEventId": n, "timestamp": timestamp,
            "type": "TaskStateExited",
            "stateExitedEventDetails": {"name": "ResizeImage", "output": payload,
                "outputDetails": {"truncated": false}}}),
    }
}
