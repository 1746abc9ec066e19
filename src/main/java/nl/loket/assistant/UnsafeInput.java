package nl.loket.assistant;

/** Why a message is not given to the assistant; signal names the rule or list entry, never resident text. */
record UnsafeInput(Kind kind, String signal) {

    enum Kind { TOO_LONG, PROMPT_INJECTION, CODE_INJECTION, CONFIGURATION_PROBE, OTHER_RESIDENT_DATA, PROMISE_REQUEST, ABUSE }
}
