package nl.loket.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

import java.net.URI;
import java.util.Optional;

/** One code path to Redis: a Jedis pool to either the configured server or the embedded one. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    /** Holds the embedded server, if any, so Spring stops it after the pool is closed. */
    record RedisServerHandle(Optional<EmbeddedRedis> embedded, String url) implements AutoCloseable {
        @Override
        public void close() {
            embedded.ifPresent(EmbeddedRedis::close);
        }
    }

    @Bean(destroyMethod = "close")
    RedisServerHandle redisServerHandle(LoketRedisProperties properties) {
        if (properties.embedded()) {
            EmbeddedRedis embedded = EmbeddedRedis.start();
            return new RedisServerHandle(Optional.of(embedded), embedded.url());
        }
        return new RedisServerHandle(Optional.empty(), properties.url());
    }

    @Bean(destroyMethod = "close")
    JedisPool jedisPool(RedisServerHandle server, LoketRedisProperties properties) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(properties.poolSize());
        config.setMaxIdle(properties.poolSize());
        config.setMinIdle(2);
        config.setTestWhileIdle(true);
        config.setMaxWait(properties.timeout());
        config.setJmxEnabled(false);
        int timeoutMillis = (int) properties.timeout().toMillis();
        URI uri = URI.create(server.url());
        log.info("Redis at {}:{} (key prefix '{}')", uri.getHost(), uri.getPort(), properties.keyPrefix());
        return new JedisPool(config, uri, timeoutMillis, timeoutMillis);
    }

    @Bean
    RedisKeys redisKeys(LoketRedisProperties properties) {
        return new RedisKeys(properties.keyPrefix());
    }
}
