package nl.loket.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.HostAndPortMapper;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.util.JedisURIHelper;
import redis.clients.jedis.util.Pool;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One code path to Redis: a Jedis pool to the configured server, to the current master of a Sentinel group, or to
 * the embedded one. Every store takes the pool as {@code Pool<Jedis>}, so none of them knows which it is. Jedis'
 * Sentinel pool hears of a failover from the sentinels, empties itself and connects to the new master; a connection
 * to the old one that comes back from a request is dropped when it is borrowed next, so no request keeps writing to
 * a demoted master.
 */
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

    /**
     * @param addresses only where Redis is reached at other addresses than the ones it announces (NAT, a proxy in
     *                  tests): maps the master's address as the sentinels name it to the one to connect to
     */
    @Bean(destroyMethod = "close")
    Pool<Jedis> jedisPool(RedisServerHandle server, LoketRedisProperties properties,
                          ObjectProvider<HostAndPortMapper> addresses) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(properties.poolSize());
        config.setMaxIdle(properties.poolSize());
        config.setMinIdle(2);
        config.setTestWhileIdle(true);
        config.setMaxWait(properties.timeout());
        config.setJmxEnabled(false);
        LoketRedisProperties.Sentinel sentinel = properties.sentinel();
        if (sentinel.configured()) {
            DefaultJedisClientConfig.Builder master = clientConfig(properties, properties.username(), properties.password(),
                    properties.ssl()).blockingSocketTimeoutMillis(listenTimeoutMillis(properties));
            addresses.ifAvailable(master::hostAndPortMapper);
            // Not for the sentinels: Jedis listens to each for failovers without pinging, so a read timeout there would
            // only cut a quiet listener again and again (each re-connect asks for the master, which is harmless).
            JedisClientConfig sentinels = clientConfig(properties, sentinel.username(), sentinel.password(), false).build();
            Set<HostAndPort> nodes = new LinkedHashSet<>();
            sentinel.nodes().forEach(node -> nodes.add(HostAndPort.from(node)));
            JedisSentinelPool pool = new JedisSentinelPool(sentinel.master(), nodes, config, master.build(), sentinels);
            log.info("Redis through Sentinel: master '{}' now at {} (sentinels {}, key prefix '{}')", sentinel.master(),
                    pool.getCurrentHostMaster(), sentinel.nodes(), properties.keyPrefix());
            return pool;
        }
        URI uri = URI.create(server.url());
        DefaultJedisClientConfig.Builder client = clientConfig(properties,
                Optional.ofNullable(JedisURIHelper.getUser(uri)).orElse(properties.username()),
                Optional.ofNullable(JedisURIHelper.getPassword(uri)).orElse(properties.password()),
                properties.ssl() || JedisURIHelper.isRedisSSLScheme(uri))
                .blockingSocketTimeoutMillis(listenTimeoutMillis(properties))
                .database(JedisURIHelper.getDBIndex(uri));
        log.info("Redis at {}:{} (key prefix '{}')", uri.getHost(), uri.getPort(), properties.keyPrefix());
        return new JedisPool(config, new HostAndPort(uri.getHost(), uri.getPort()), client.build());
    }

    private static DefaultJedisClientConfig.Builder clientConfig(LoketRedisProperties properties, String user,
                                                                 String password, boolean ssl) {
        int timeoutMillis = (int) properties.timeout().toMillis();
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .user(blankToNull(user))
                .password(blankToNull(password))
                .ssl(ssl);
    }

    /**
     * Jedis waits for a subscription's notices (and a blocking command's answer) with this read timeout instead of
     * its default of forever, so a master that vanished without a reset is noticed; {@link Broadcast} pings its
     * subscription well within it.
     */
    private static int listenTimeoutMillis(LoketRedisProperties properties) {
        return (int) properties.listenTimeout().toMillis();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Bean
    RedisKeys redisKeys(LoketRedisProperties properties) {
        return new RedisKeys(properties.keyPrefix());
    }
}
