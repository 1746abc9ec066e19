package nl.loket.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between Loket and Redis that a test can cut and restore, to play "Redis is away".
 * Cut: every open connection is closed and new ones are closed as soon as they are accepted, so the
 * client sees a reset at once (a dead Redis), not a hang. Vanish: the machine is gone without a word, and a client
 * learns of it only through its own timeouts.
 */
public final class RedisProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** Connections whose traffic is dropped both ways, never closed by the proxy (until it closes itself). */
    private final Set<Socket> silenced = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean frozen;

    public RedisProxy(String upstreamUrl) {
        URI uri = URI.create(upstreamUrl);
        this.upstreamHost = uri.getHost();
        this.upstreamPort = uri.getPort();
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "redis-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /** Redis goes away: open connections break, new ones are refused. */
    public void cut() {
        cut = true;
        open.forEach(RedisProxy::closeQuietly);
        open.clear();
    }

    /** Redis hangs: open connections break, new ones are accepted but never answered. */
    public void freeze() {
        frozen = true;
        cut();
        cut = false;
    }

    /**
     * Redis's machine is gone without a word (power lost, a network that drops everything): open connections stay
     * open, but nothing passes either way any more, not even a reset; new connections are accepted and never answered.
     * After {@link #restore()} new connections reach Redis again, while the silenced ones stay dead, as a vanished
     * machine's connections do.
     */
    public void vanish() {
        frozen = true;
        silenced.addAll(open);
        open.clear();
    }

    public void restore() {
        cut = false;
        frozen = false;
        open.forEach(RedisProxy::closeQuietly);
        open.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                if (frozen) {
                    open.add(client); // held open, never read: the client's read timeout must end the wait
                    continue;
                }
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // server closed, or upstream not reachable: the client sees its connection close
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (silenced.contains(from)) {
                        continue; // dropped on the way, without a word
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
                silenced.remove(from);
                silenced.remove(to);
            }
        }, "redis-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        silenced.forEach(RedisProxy::closeQuietly);
        silenced.clear();
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
