package nl.loket.platform.privacy;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * The secret key of the digests that stand for phone numbers and e-mail addresses in Redis keys.
 *
 * @param digestKey     the key itself (at least 32 characters), e.g. from {@code LOKET_PRIVACY_DIGEST_KEY}; every
 *                      instance of one Loket must have the same
 * @param digestKeyFile where the key is kept when none is configured: read at start, made (random, readable by
 *                      the owner only) on the very first start
 */
@Validated
@ConfigurationProperties("loket.privacy")
public record DigestKeyProperties(
        String digestKey,
        @NotNull @DefaultValue("data/digest.key") Path digestKeyFile) {
}
