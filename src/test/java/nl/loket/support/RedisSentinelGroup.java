package nl.loket.support;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real Redis processes on loopback, free ports: one master, one replica and three sentinels
 * ({@code redis-server … --sentinel}), as {@code docs/operations.md} describes for production, with short
 * timings so a failover takes seconds: the master counts as down after {@value #DOWN_AFTER_MILLIS} ms.
 * Processes are killed with SIGKILL, as a crash looks, or frozen with SIGSTOP, as a machine that vanished looks. Tests that need it are skipped when {@code redis-server}
 * is not installed.
 */
public final class RedisSentinelGroup implements AutoCloseable {

    public static final String MASTER_NAME = "loket";
    static final int DOWN_AFTER_MILLIS = 1000;
    private static final Path REDIS_SERVER = onPath("redis-server");

    private final Path dir;
    private final Map<Integer, Process> servers = new LinkedHashMap<>();
    private final List<Process> sentinels = new ArrayList<>();
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final int firstMaster;
    private final int firstReplica;

    private RedisSentinelGroup(Path dir, int master, int replica) {
        this.dir = dir;
        this.firstMaster = master;
        this.firstReplica = replica;
    }

    /** Starts the group and waits until the replica is in sync and every sentinel knows both. */
    public static RedisSentinelGroup start() {
        assumeTrue(REDIS_SERVER != null,
                "redis-server is not installed (Debian: apt-get install redis-server); the Sentinel tests need real processes");
        try {
            RedisSentinelGroup group = new RedisSentinelGroup(Files.createTempDirectory("loket-sentinel"), freePort(), freePort());
            group.startServer(group.firstMaster, null);
            group.startServer(group.firstReplica, group.firstMaster);
            group.awaitReplicasOnline(1);
            for (int i = 0; i < 3; i++) {
                group.startSentinel(freePort());
            }
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(group::sentinelsSeeEachOtherAndTheReplica);
            return group;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port,host:port,host:port}, the value of {@code loket.redis.sentinel.nodes}. */
    public String sentinelNodes() {
        return sentinelPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    public HostAndPort firstMaster() {
        return new HostAndPort("127.0.0.1", firstMaster);
    }

    public HostAndPort firstReplica() {
        return new HostAndPort("127.0.0.1", firstReplica);
    }

    /** The master as the sentinels name it now. */
    public HostAndPort master() {
        try (Jedis sentinel = new Jedis("127.0.0.1", sentinelPorts.get(0), 1000)) {
            List<String> address = sentinel.sentinelGetMasterAddrByName(MASTER_NAME);
            return new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
        }
    }

    /** A connection to the current master, for checking what it holds. */
    public Jedis connectToMaster() {
        HostAndPort master = master();
        return new Jedis(master.getHost(), master.getPort(), 2000);
    }

    /** SIGKILL: no shutdown, no last write to anyone. */
    public void kill(HostAndPort server) {
        Process process = servers.remove(server.getPort());
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * SIGSTOP: the process stops answering but its connections stay open, as when its machine froze or vanished
     * without a reset. {@link #close()} kills it.
     */
    public void freeze(HostAndPort server) {
        signal("-STOP", server);
    }

    /** SIGCONT: a frozen server goes on where it stopped. */
    public void thaw(HostAndPort server) {
        signal("-CONT", server);
    }

    private void signal(String signal, HostAndPort server) {
        Process process = servers.get(server.getPort());
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("could not signal " + server + " with " + signal);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a killed server again as a replica of the current master (what Sentinel would make it anyway). */
    public void restartAsReplica(HostAndPort server) {
        startServer(server.getPort(), master().getPort());
    }

    /** Waits until the sentinels have promoted another server than {@code old}; returns the new master. */
    public HostAndPort awaitFailoverFrom(HostAndPort old, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> !master().equals(old) && isMaster(master()));
        return master();
    }

    /** Waits until the current master reports this many replicas online (in sync). */
    public void awaitReplicasOnline(int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> replicasOnline() >= count);
    }

    public int replicasOnline() {
        int port = sentinelPorts.isEmpty() ? firstMaster : master().getPort();
        try (Jedis jedis = new Jedis("127.0.0.1", port, 1000)) {
            return (int) jedis.info("replication").lines().filter(l -> l.startsWith("slave") && l.contains("state=online")).count();
        }
    }

    private boolean isMaster(HostAndPort server) {
        try (Jedis jedis = new Jedis(server.getHost(), server.getPort(), 500)) {
            return jedis.info("replication").contains("role:master");
        }
    }

    private boolean sentinelsSeeEachOtherAndTheReplica() {
        for (int port : sentinelPorts) {
            try (Jedis sentinel = new Jedis("127.0.0.1", port, 1000)) {
                if (sentinel.sentinelReplicas(MASTER_NAME).isEmpty() || sentinel.sentinelSentinels(MASTER_NAME).size() < 2) {
                    return false;
                }
            }
        }
        return true;
    }

    private void startServer(int port, Integer replicaOf) {
        Path data = dir.resolve("redis-" + port);
        List<String> command = new ArrayList<>(List.of(REDIS_SERVER.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", mkdirs(data).toString(), "--save", "", "--appendonly", "no",
                // a (re)joining replica gets its copy over the socket at once, not after a disk snapshot
                "--repl-diskless-sync", "yes", "--repl-diskless-sync-delay", "0", "--repl-ping-replica-period", "1"));
        if (replicaOf != null) {
            command.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(replicaOf)));
        }
        servers.put(port, launch(command, data.resolve("redis.log")));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
            try (Jedis jedis = new Jedis("127.0.0.1", port, 500)) {
                return "PONG".equals(jedis.ping());
            }
        });
    }

    private void startSentinel(int port) throws IOException {
        Path data = mkdirs(dir.resolve("sentinel-" + port));
        Path conf = data.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "dir " + data,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + firstMaster + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
                "sentinel failover-timeout " + MASTER_NAME + " 3000",
                "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
        sentinels.add(launch(List.of(REDIS_SERVER.toString(), conf.toString(), "--sentinel"), data.resolve("sentinel.log")));
        sentinelPorts.add(port);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
            try (Jedis jedis = new Jedis("127.0.0.1", port, 500)) {
                return "PONG".equals(jedis.ping());
            }
        });
    }

    private static Path onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, program)).filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    private static Process launch(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sentinels.forEach(Process::destroyForcibly);
        servers.values().forEach(Process::destroyForcibly);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the machine cleans it up eventually
        }
    }
}
