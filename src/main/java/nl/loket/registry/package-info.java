/**
 * Registry: registers every closed conversation in the municipality's Klantinteracties API (VNG,
 * e.g. Open Klant) as a Klantcontact with the resident as betrokkene, their digital addresses, the
 * actors involved and, for a referral to the back office, an InterneTaak. Owns the outbox of
 * registration jobs in Redis, the progress per job (so a retry or replay never registers twice), the
 * dead-letter store and the operator API {@code /api/registry/**}. Off unless
 * {@code loket.klantinteracties.base-url} is set. Uses {@code contact} (read) and {@code platform} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry", allowedDependencies = {"contact", "platform"})
package nl.loket.registry;
