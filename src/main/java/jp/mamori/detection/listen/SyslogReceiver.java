package jp.mamori.detection.listen;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A syslog receiver (RFC 3164 / 5424 messages over UDP, or TCP with RFC 6587 octet counting or
 * newline framing) that hands each message, as received, to one consumer. Everything is bounded,
 * because a listener on the network is a flood target: the message size (longer ones are counted
 * and skipped), the queue between the sockets and the consumer (full: the message is dropped and
 * counted, the socket never blocks), the rate (a token bucket per second) and the number of TCP
 * connections. Bound to 127.0.0.1 unless told otherwise. Plain Java: the edges only start it.
 */
public final class SyslogReceiver implements AutoCloseable {

    /** Receives messages in arrival order on one thread. */
    public interface Consumer {
        void message(long seq, String text);

        /** Called on the consumer thread when the queue has been empty for a moment (a chance to flush). */
        default void idle() { }
    }

    /**
     * The bounds. {@code idleTimeoutMillis}: a TCP connection that sends nothing this long is closed
     * and its slot freed (a relay reconnects; 32 idle senders would otherwise hold the listener).
     */
    public record Options(String bind, int port, boolean tcp, int maxMessage, int queue, int perSecond, int maxConnections, int idleTimeoutMillis) {
        /** 30 seconds: a syslog relay sends far more often than that, or reconnects when it has something to say. */
        public static final int IDLE_TIMEOUT_MILLIS = 30_000;

        public Options {
            if (idleTimeoutMillis < 1) throw new IllegalArgumentException("idle timeout must be positive");
        }

        public Options(String bind, int port, boolean tcp, int maxMessage, int queue, int perSecond, int maxConnections) {
            this(bind, port, tcp, maxMessage, queue, perSecond, maxConnections, IDLE_TIMEOUT_MILLIS);
        }

        public static Options of(String bind, int port, boolean tcp) {
            return new Options(bind == null ? "127.0.0.1" : bind, port, tcp, 64 * 1024, 10_000, 20_000, 32);
        }
    }

    /** What the receiver counted ({@code idleClosed}: TCP connections closed for sending nothing within the idle timeout). */
    public record Stats(long received, long tooLong, long invalid, long droppedFull, long droppedRate, long refusedConnections, long idleClosed) { }

    private final Options options;
    private final Consumer consumer;
    private final BlockingQueue<String> queue;
    private final AtomicLong received = new AtomicLong(), tooLong = new AtomicLong(), invalid = new AtomicLong(), full = new AtomicLong(),
            rate = new AtomicLong(), refused = new AtomicLong(), idleClosed = new AtomicLong(), seq = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running = true;
    private DatagramSocket udp;
    private ServerSocket server;
    private final Thread network, worker;
    private long windowStart = System.nanoTime(), tokens;

    public SyslogReceiver(Options options, Consumer consumer) throws IOException {
        this.options = options;
        this.consumer = consumer;
        this.queue = new ArrayBlockingQueue<>(options.queue());
        this.tokens = options.perSecond();
        InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(options.bind()), options.port());
        if (options.tcp()) {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(at, 64);
            network = new Thread(this::acceptLoop, "syslog-tcp");
        } else {
            udp = new DatagramSocket(at);
            udp.setReceiveBufferSize(1 << 20);
            network = new Thread(this::udpLoop, "syslog-udp");
        }
        worker = new Thread(this::work, "syslog-consumer");
        network.setDaemon(true);
        worker.setDaemon(true);
        worker.start();
        network.start();
    }

    public int port() {
        return options.tcp() ? server.getLocalPort() : udp.getLocalPort();
    }

    public Stats stats() {
        return new Stats(received.get(), tooLong.get(), invalid.get(), full.get(), rate.get(), refused.get(), idleClosed.get());
    }

    /** Messages taken from the network and not yet handed to the consumer. */
    public int pending() {
        return queue.size();
    }

    private void udpLoop() {
        byte[] buf = new byte[options.maxMessage() + 1];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (running) {
            try {
                p.setLength(buf.length);
                udp.receive(p);
            } catch (IOException e) {
                if (!running) return;
                continue;
            }
            if (p.getLength() > options.maxMessage()) {
                tooLong.incrementAndGet();
                continue;
            }
            offer(buf, 0, p.getLength());
        }
    }

    private void acceptLoop() {
        while (running) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!running) return;
                continue;
            }
            if (connections.incrementAndGet() > options.maxConnections()) {
                connections.decrementAndGet();
                refused.incrementAndGet();
                closeQuietly(s);
                continue;
            }
            Thread t = new Thread(() -> {
                try (s) {
                    s.setSoTimeout(options.idleTimeoutMillis());
                    readStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
                } catch (java.net.SocketTimeoutException idle) {
                    // silent for the idle timeout: closed, so that idle senders cannot hold every slot; what it sent is kept
                    idleClosed.incrementAndGet();
                } catch (IOException ignored) {
                    // the sender went away; what it sent is kept
                } finally {
                    connections.decrementAndGet();
                }
            }, "syslog-tcp-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    /** RFC 6587: "LEN SP MSG" when a frame starts with a digit, else one message per line. */
    void readStream(InputStream in) throws IOException {
        byte[] buf = new byte[options.maxMessage()];
        while (running) {
            int b = in.read();
            if (b < 0) return;
            if (b == '\n' || b == '\r') continue;
            if (b >= '1' && b <= '9') {
                long len = b - '0';
                int c;
                while ((c = in.read()) >= '0' && c <= '9' && len < 10_000_000) len = len * 10 + (c - '0');
                if (c == ' ') {
                    if (len > options.maxMessage()) {
                        tooLong.incrementAndGet();
                        in.skipNBytes(len);
                        continue;
                    }
                    in.readNBytes(buf, 0, (int) len);
                    offer(buf, 0, (int) len);
                    continue;
                }
                // not a length after all: a line starting with a digit
                int n = 0;
                String digits = Long.toString(len);
                for (int i = 0; i < digits.length() && n < buf.length; i++) buf[n++] = (byte) digits.charAt(i);
                if (c >= 0 && c != '\n' && n < buf.length) buf[n++] = (byte) c;
                if (c == '\n') {
                    offer(buf, 0, n);
                    continue;
                }
                readLine(in, buf, n);
                continue;
            }
            buf[0] = (byte) b;
            readLine(in, buf, 1);
        }
    }

    private void readLine(InputStream in, byte[] buf, int n) throws IOException {
        boolean over = false;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (n < buf.length) buf[n++] = (byte) c;
            else over = true;
        }
        if (over) tooLong.incrementAndGet();
        else offer(buf, 0, n);
    }

    private void offer(byte[] b, int off, int len) {
        while (len > 0 && (b[off + len - 1] == '\n' || b[off + len - 1] == '\r' || b[off + len - 1] == 0)) len--;
        if (len == 0) return;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            invalid.incrementAndGet();
            return;
        }
        if (text.indexOf('\0') >= 0) {
            invalid.incrementAndGet();
            return;
        }
        if (!take()) {
            rate.incrementAndGet();
            return;
        }
        received.incrementAndGet();
        if (!queue.offer(text)) {
            received.decrementAndGet();
            full.incrementAndGet();
        }
    }

    private synchronized boolean take() {
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            tokens = options.perSecond();
        }
        if (tokens <= 0) return false;
        tokens--;
        return true;
    }

    private void work() {
        while (running || !queue.isEmpty()) {
            String m;
            try {
                m = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (queue.isEmpty()) return;
                continue;
            }
            try {
                if (m == null) consumer.idle();
                else consumer.message(seq.incrementAndGet(), m);
            } catch (RuntimeException e) {
                invalid.incrementAndGet();
            }
        }
    }

    /** Stops listening, hands what is queued to the consumer, and waits for it. */
    @Override
    public void close() {
        running = false;
        if (udp != null) udp.close();
        if (server != null) closeQuietly(server);
        try {
            network.join(2000);
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing
        }
    }
}
