/**
 * Agents: the REST API under {@code /api/agent} and the workbench pages under {@code /agent},
 * agent accounts and roles (AGENT, SUPERVISOR), masking of BSN and IBAN in what agents read, and the
 * audit of who viewed which conversation. Works only through {@link nl.loket.handoff.HandoffService}
 * and {@link nl.loket.contact.ContactService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent workbench", allowedDependencies = {"contact", "handoff", "knowledge", "platform"})
package nl.loket.agent;
