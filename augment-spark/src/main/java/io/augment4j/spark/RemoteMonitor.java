package io.augment4j.spark;

import io.augment4j.trainer.tune.TrialMonitor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

/**
 * A trial task's {@link TrialMonitor}: each epoch goes to the driver's {@link MonitorServer}, whose answer (go on, or
 * pruned) it returns. When the connection fails or the driver refuses the task, {@link #epochEnded} throws an
 * {@link UncheckedIOException} (the trial's training stops) and {@link #failure()} keeps why, so that the task fails
 * as a whole and Spark reruns it, rather than the trial being recorded as failed.
 */
final class RemoteMonitor implements TrialMonitor, Closeable {
    /** How long a task waits to connect, and for each answer (the driver answers at once). */
    static final int TIMEOUT_MS = 120_000;

    private final MonitorServer.Address address;
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private volatile IOException failure;

    private RemoteMonitor(MonitorServer.Address address, Socket socket) throws IOException {
        this.address = address;
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /**
     * Connects trial {@code number}'s task attempt {@code attempt} to the study.
     *
     * @throws IOException when the driver cannot be reached or refuses the task
     */
    static RemoteMonitor connect(MonitorServer.Address address, int number, long attempt) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(address.host(), address.port()), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            s.setTcpNoDelay(true);
            RemoteMonitor m = new RemoteMonitor(address, s);
            m.out.writeUTF(MonitorServer.PROTOCOL);
            m.out.writeUTF(address.token());
            m.out.writeInt(number);
            m.out.writeLong(attempt);
            m.out.flush();
            byte answer = m.in.readByte();
            String text = m.in.readUTF();
            if (answer != MonitorServer.GO_ON) {
                throw new Refused(address, number, text);
            }
            return m;
        } catch (Refused e) {
            s.close();
            throw e;
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot reach the study's monitor at " + address + " (the driver) for trial "
                    + number + ": " + e, e);
        }
    }

    @Override
    public String epochEnded(int number, int epoch, Map<String, Double> logs, boolean ending) {
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
        try {
            out.writeInt(epoch);
            out.writeBoolean(ending);
            out.writeInt(logs.size());
            for (Map.Entry<String, Double> e : logs.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue() == null ? Double.NaN : e.getValue());
            }
            out.flush();
            byte answer = in.readByte();
            String text = in.readUTF();
            if (answer == MonitorServer.REFUSED) {
                throw new Refused(address, number, text);
            }
            return answer == MonitorServer.PRUNE ? text : null;
        } catch (IOException e) {
            IOException f = e instanceof Refused ? e : new IOException("lost the study's monitor at " + address
                    + " (the driver) after trial " + number + "'s epoch " + (epoch + 1) + ": " + e, e);
            failure = f;
            close();
            throw new UncheckedIOException(f);
        }
    }

    /** The driver's refusal of this task. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(MonitorServer.Address address, int number, String why) {
            super("the study's monitor at " + address + " refused trial " + number + "'s task: " + why);
        }
    }

    /** Why the driver was lost, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
