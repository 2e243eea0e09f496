package jp.mamori.detection.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@code logs listen} over TCP against hostile senders, on 127.0.0.1: a line that never ends, a frame
 * longer than allowed, a sender that dribbles a byte at a time, more connections than allowed, and
 * senders that connect and then say nothing. Each is bounded and counted, and the other senders are still heard.
 */
class SyslogReceiverHostileTest {

    static final int MAX = 4096;

    static SyslogReceiver receiver(List<String> got, int maxConnections) throws IOException {
        return new SyslogReceiver(new SyslogReceiver.Options("127.0.0.1", 0, true, MAX, 100, 10_000, maxConnections), (seq, text) -> got.add(text));
    }

    static void await(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 300 && !done.getAsBoolean(); i++) Thread.sleep(50);
        assertThat(done.getAsBoolean()).as("reached within 15 s").isTrue();
    }

    static Socket connect(SyslogReceiver r) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), r.port());
        s.setSoTimeout(15_000);
        return s;
    }

    @Test
    void aLineThatNeverEndsAndAnOversizedFrameAreCountedAndTheConnectionGoesOn() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (SyslogReceiver r = receiver(got, 4); Socket s = connect(r)) {
            OutputStream out = s.getOutputStream();
            byte[] endless = new byte[1024 * 1024];
            Arrays.fill(endless, (byte) 'A');
            out.write(endless);                                         // 1 MiB without a newline: never held whole
            out.write("\n<134>after the endless line\n".getBytes(StandardCharsets.US_ASCII));
            byte[] frame = new byte[MAX + 904];
            Arrays.fill(frame, (byte) 'B');
            out.write((frame.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(frame);                                           // an RFC 6587 frame over the limit: skipped
            byte[] ok = "<134>framed ok".getBytes(StandardCharsets.US_ASCII);
            out.write((ok.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(ok);
            out.flush();
            await(() -> got.size() == 2);
            assertThat(got).containsExactly("<134>after the endless line", "<134>framed ok");
            assertThat(r.stats().tooLong()).isEqualTo(2);
            assertThat(r.stats().received()).isEqualTo(2);
        }
    }

    @Test
    void aSenderDribblingAByteAtATimeHoldsUpNoOtherSender() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (SyslogReceiver r = receiver(got, 4); Socket slow = connect(r); Socket fast = connect(r)) {
            OutputStream so = slow.getOutputStream();
            byte[] half = "<134>slow sender".getBytes(StandardCharsets.US_ASCII);
            for (byte b : half) {
                so.write(b);
                so.flush();
            }
            fast.getOutputStream().write("<134>fast sender\n".getBytes(StandardCharsets.US_ASCII));
            fast.getOutputStream().flush();
            await(() -> got.contains("<134>fast sender"));
            assertThat(got).as("the unfinished message is not handed on").containsExactly("<134>fast sender");
            so.write(" done\n".getBytes(StandardCharsets.US_ASCII));
            so.flush();
            await(() -> got.size() == 2);
            assertThat(got).containsExactly("<134>fast sender", "<134>slow sender done");
        }
    }

    /**
     * The slowloris shape with every slot: two senders connect, say one thing and fall silent. After
     * the idle timeout (here 300 ms) the receiver closes them, counts them and frees their slots, so
     * a third sender is heard — without it, idle senders would hold the listener until they left.
     */
    @Test
    void sendersThatFallSilentAreClosedAfterTheIdleTimeoutAndTheirSlotsGoToOthers() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        SyslogReceiver.Options o = new SyslogReceiver.Options("127.0.0.1", 0, true, MAX, 100, 10_000, 2, 300);
        try (SyslogReceiver r = new SyslogReceiver(o, (seq, text) -> got.add(text)); Socket a = connect(r); Socket b = connect(r)) {
            a.getOutputStream().write("<134>a then silence\n".getBytes(StandardCharsets.US_ASCII));
            b.getOutputStream().write("<134>b then silence\n".getBytes(StandardCharsets.US_ASCII));
            await(() -> got.size() == 2);
            for (Socket idle : List.of(a, b)) {
                int read;
                try {
                    read = idle.getInputStream().read();
                } catch (java.net.SocketException e) {
                    read = -1;
                }
                assertThat(read).as("closed by the receiver after the idle timeout").isEqualTo(-1);
            }
            await(() -> r.stats().idleClosed() == 2);
            assertThat(r.stats().refusedConnections()).isZero();
            try (Socket c = connect(r)) {
                c.getOutputStream().write("<134>c in a freed slot\n".getBytes(StandardCharsets.US_ASCII));
                c.getOutputStream().flush();
                await(() -> got.contains("<134>c in a freed slot"));
            }
            assertThat(r.stats().refusedConnections()).as("c was not refused").isZero();
            assertThat(got).containsExactlyInAnyOrder("<134>a then silence", "<134>b then silence", "<134>c in a freed slot");
        }
    }

    @Test
    void anIdleTimeoutMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SyslogReceiver.Options("127.0.0.1", 0, true, MAX, 100, 10_000, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SyslogReceiver.Options.of(null, 0, true).idleTimeoutMillis()).as("the default, as documented").isEqualTo(30_000);
    }

    @Test
    void connectionsOverTheLimitAreRefusedAndCountedAndAFreedSlotIsUsedAgain() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (SyslogReceiver r = receiver(got, 2)) {
            Socket a = connect(r), b = connect(r);
            // both held open and idle (the slowloris shape): the third is closed at once, counted
            a.getOutputStream().write("<134>a\n".getBytes(StandardCharsets.US_ASCII));
            b.getOutputStream().write("<134>b\n".getBytes(StandardCharsets.US_ASCII));
            await(() -> got.size() == 2);
            try (Socket c = connect(r)) {
                int read;
                try {
                    read = c.getInputStream().read();
                } catch (SocketTimeoutException | java.net.SocketException e) {
                    read = -1;
                }
                assertThat(read).as("closed by the receiver").isEqualTo(-1);
            }
            await(() -> r.stats().refusedConnections() == 1);
            b.getOutputStream().write("<134>b still heard\n".getBytes(StandardCharsets.US_ASCII));
            await(() -> got.contains("<134>b still heard"));

            a.close();
            // once the receiver has seen a go, a new sender gets its slot
            boolean heard = false;
            for (int attempt = 0; attempt < 50 && !heard; attempt++) {
                try (Socket d = connect(r)) {
                    d.getOutputStream().write(("<134>d " + attempt + "\n").getBytes(StandardCharsets.US_ASCII));
                    d.getOutputStream().flush();
                    for (int i = 0; i < 20 && !heard; i++) {
                        heard = got.stream().anyMatch(m -> m.startsWith("<134>d "));
                        if (!heard) Thread.sleep(25);
                    }
                }
            }
            assertThat(heard).isTrue();
            assertThat(got).doesNotContain("<134>c");
            b.close();
        }
    }
}
