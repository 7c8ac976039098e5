package io.augment4j.spark;

import io.augment4j.trainer.tune.TrialMonitor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The driver's end of the trials' {@link TrialMonitor}s: a server socket on the driver host (ephemeral port) that
 * trial tasks, wherever they run, connect to, one connection per task attempt. A connection opens with a hello
 * (protocol name, the study's secret token, trial number, Spark task attempt id); then the task sends each finished
 * epoch (number, whether the trial ends after it, its metrics) and waits for the decision (go on, or pruned and why)
 * that the study's monitor gives. The protocol is binary ({@link DataOutputStream}): metrics travel bit for bit, NaN
 * included.
 *
 * <p>Only the newest attempt of a trial to say hello is heard: an older one (an executor thought lost that still
 * runs) is refused at its next epoch, so that one attempt at a time reports and trains the trial's folder. A failure
 * of the study's monitor (e.g. its journal cannot be written) refuses the task, is kept for {@link #failure()} and
 * calls the {@code onStudyFailure} action.
 */
final class MonitorServer implements AutoCloseable {
    /** The protocol's name and version, the first thing a task sends. */
    static final String PROTOCOL = "augment4j-trial-monitor/1";
    /** Replies. */
    static final byte GO_ON = 0;
    static final byte PRUNE = 1;
    static final byte REFUSED = 2;
    /** Most metrics in one epoch report: a bound on what a connection can make the driver allocate. */
    static final int MAX_METRICS = 4096;

    /** Where the tasks connect, and the token they prove they belong to the study with. */
    record Address(String host, int port, String token) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** No token: it is a secret, and this text goes into messages. */
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private final ServerSocket server;
    private final Address address;
    private final Runnable onStudyFailure;
    private final Map<Integer, TrialMonitor> monitors = new ConcurrentHashMap<>();
    private final Map<Integer, Long> attempts = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ExecutorService threads;
    private volatile boolean closed;

    /**
     * Listens on {@code bindHost} (an ephemeral port), telling tasks to connect to {@code host}.
     *
     * @param onStudyFailure run (once) when the study's monitor throws
     */
    MonitorServer(String bindHost, String host, Runnable onStudyFailure) throws IOException {
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(bindHost), 0));
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.address = new Address(host, server.getLocalPort(), HexFormat.of().formatHex(secret));
        this.onStudyFailure = onStudyFailure;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aug-trial-monitor-" + count.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::accept);
    }

    Address address() {
        return address;
    }

    /** Hears trial {@code number}'s tasks, telling {@code monitor}. */
    void register(int number, TrialMonitor monitor) {
        monitors.put(number, monitor);
    }

    /** Stops hearing trial {@code number} (it ended). */
    void unregister(int number) {
        monitors.remove(number);
        attempts.remove(number);
    }

    /** What the study's monitor threw, if it did. */
    Throwable failure() {
        return failure.get();
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(s);
            try {
                threads.execute(() -> serve(s));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closeQuietly(s);
            }
        }
    }

    private void serve(Socket s) {
        try (s;
             DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()))) {
            s.setSoTimeout(30_000); // the hello comes at once; epochs may take hours
            String protocol = in.readUTF();
            byte[] token = in.readUTF().getBytes(StandardCharsets.UTF_8);
            int number = in.readInt();
            long attempt = in.readLong();
            if (!protocol.equals(PROTOCOL)
                    || !MessageDigest.isEqual(token, address.token().getBytes(StandardCharsets.UTF_8))) {
                reply(out, REFUSED, "not a task of this study");
                return;
            }
            TrialMonitor monitor = monitors.get(number);
            if (monitor == null) {
                reply(out, REFUSED, "trial " + number + " is not running in this study");
                return;
            }
            attempts.put(number, attempt);
            reply(out, GO_ON, "");
            s.setSoTimeout(0);
            while (true) {
                int epoch;
                try {
                    epoch = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                boolean ending = in.readBoolean();
                int n = in.readInt();
                if (n < 0 || n > MAX_METRICS) {
                    reply(out, REFUSED, "bad report: " + n + " metrics");
                    return;
                }
                Map<String, Double> logs = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    logs.put(in.readUTF(), in.readDouble());
                }
                Long newest = attempts.get(number);
                if (newest == null || newest != attempt) {
                    reply(out, REFUSED, "trial " + number + " has a newer task attempt (or ended): this one stops");
                    return;
                }
                String reason;
                try {
                    reason = monitor.epochEnded(number, epoch, logs, ending);
                } catch (Throwable t) {
                    if (failure.compareAndSet(null, t)) {
                        onStudyFailure.run();
                    }
                    reply(out, REFUSED, "the study stopped: " + t);
                    return;
                }
                if (reason == null) {
                    reply(out, GO_ON, "");
                } else {
                    reply(out, PRUNE, reason);
                }
            }
        } catch (IOException e) {
            // the task went away (it failed, or was cancelled): Spark reruns or has ended it
        } finally {
            open.remove(s);
        }
    }

    private static void reply(DataOutputStream out, byte what, String text) throws IOException {
        out.writeByte(what);
        out.writeUTF(text);
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    /** Stops listening and drops every connection: tasks still running fail at their next epoch. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        open.forEach(MonitorServer::closeQuietly);
        threads.shutdownNow();
    }

}
