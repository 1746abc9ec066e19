/**
 * Service indicators (vision 5.4 "meten en verbeteren"): volume, speed against per-channel targets,
 * outcomes, satisfaction, complaints and knowledge gaps, per channel and per day. Facts are recorded from
 * the events of {@code contact} and {@code handoff} at the moment they happen and kept as small per-day
 * aggregates in Redis (no personal data), so they outlive conversation retention; knowledge-gap examples
 * are redacted text and expire with the conversations. Shown as JSON ({@code /api/insight/indicators}),
 * CSV, the supervisor dashboard ({@code /agent/dashboard}) and Micrometer metrics
 * ({@code /actuator/prometheus}). The facade is {@link nl.loket.insight.ServiceIndicators}; nothing depends
 * on this package. From {@code knowledge} it reads only {@link nl.loket.knowledge.ArticleUpkeep}: how many
 * published articles are past review or have a broken source link (counts, no text), shown beside the indicators;
 * and it implements knowledge's port {@link nl.loket.knowledge.ArticleUse} from its own counters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
        allowedDependencies = {"contact", "handoff", "knowledge", "platform"})
package nl.loket.insight;
