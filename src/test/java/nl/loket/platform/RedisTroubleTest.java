package nl.loket.platform;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.net.SocketTimeoutException;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the store is away, try again" (503) and which are bugs (500). */
class RedisTroubleTest {

    @Test
    void anUnreachableHangingOrFailingOverRedisIsTrouble() {
        assertThat(RedisTrouble.isCauseOf(new JedisConnectionException(new SocketTimeoutException("Read timed out")))).isTrue();
        assertThat(RedisTrouble.isCauseOf(new IllegalStateException("wrapped", new JedisConnectionException("reset")))).isTrue();
        // every pooled connection busy for longer than the pool's wait
        assertThat(RedisTrouble.isCauseOf(new JedisException("Could not get a resource from the pool",
                new NoSuchElementException("Timeout waiting for idle object")))).isTrue();
        assertThat(RedisTrouble.isCauseOf(new JedisDataException("LOADING Redis is loading the dataset in memory"))).isTrue();
        assertThat(RedisTrouble.isCauseOf(new JedisDataException("READONLY You can't write against a read only replica."))).isTrue();
        assertThat(RedisTrouble.isCauseOf(new JedisDataException("MASTERDOWN Link with MASTER is down"))).isTrue();
        assertThat(RedisTrouble.isCauseOf(new JedisDataException("NOREPLICAS Not enough good replicas to write."))).isTrue();
        assertThat(RedisTrouble.isCauseOf(new JedisBusyException("BUSY Redis is busy running a script"))).isTrue();
        // stored on the master, but no replica confirmed it in time: not acknowledged, the retry is recognised
        assertThat(RedisTrouble.isCauseOf(new NotReplicatedException("0 of 1 replicas confirmed within PT0.5S"))).isTrue();
    }

    @Test
    void aMistakeInLoketsOwnCommandsIsNot() {
        assertThat(RedisTrouble.isCauseOf(new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value"))).isFalse();
        assertThat(RedisTrouble.isCauseOf(new JedisDataException("ERR syntax error"))).isFalse();
        assertThat(RedisTrouble.isCauseOf(new JedisDataException((String) null))).isFalse();
        assertThat(RedisTrouble.isCauseOf(new IllegalArgumentException("bug"))).isFalse();
        assertThat(RedisTrouble.isCauseOf(null)).isFalse();
    }
}
