/**
 * Platform: the Redis connection (an embedded server when none is configured), JSON, ids and
 * references, the clock, the prompt files, HTTP problem responses (also for requests refused before
 * any Loket code runs), the per-address request limit and web security. Owns no
 * resident data of its own; every other module may use it. Declared open: its sub-packages ({@code text},
 * {@code privacy}, {@code reactions}, {@code models}) are part of what it offers, and it depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {},
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.loket.platform;
