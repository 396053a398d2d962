package org.lesionsearch.server.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, to take that server away the ways networks
 * do: {@link #blackhole()} accepts connections and swallows requests without an answer (a hung
 * node or a dropped route), {@link #down()} closes every connection and the port (the node is
 * gone), {@link #up()} brings it back on the same port.
 */
final class FaultProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean blackhole;
    private volatile ServerSocket listener;

    FaultProxy(URI upstream) throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void blackhole() {
        blackhole = true;
        closeConnections();
    }

    synchronized void down() throws IOException {
        ServerSocket l = listener;
        listener = null;
        if (l != null) {
            l.close();
        }
        closeConnections();
    }

    synchronized void up() throws IOException {
        blackhole = false;
        closeConnections();
        if (listener == null) {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listen(again);
        }
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    open.add(client);
                    if (blackhole) {
                        pump(client.getInputStream(), OutputStream.nullOutputStream(), client, null);
                    } else {
                        Socket server = new Socket();
                        server.connect(upstream, 2000);
                        open.add(server);
                        pump(client.getInputStream(), server.getOutputStream(), client, server);
                        pump(server.getInputStream(), client.getOutputStream(), server, client);
                    }
                } catch (IOException closed) {
                    // the listener was closed, or the upstream refused
                }
            }
        }, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(InputStream in, OutputStream out, Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException closed) {
                // either side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeConnections() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
