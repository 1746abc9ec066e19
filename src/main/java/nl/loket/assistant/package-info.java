/**
 * The guarded assistant: input guard, personal-data redaction, triage, language, retrieval gate, answer
 * rendering, optional language model. Informs, never decides on a resident's entitlement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant", allowedDependencies = {"contact", "handoff", "knowledge", "platform"})
package nl.loket.assistant;
