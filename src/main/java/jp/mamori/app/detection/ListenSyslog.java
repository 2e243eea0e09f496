package jp.mamori.app.detection;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.detection.listen.SyslogReceiver;
import jp.mamori.detection.logs.LineParser;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogFormats;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.logs.MalformedLineException;
import jp.mamori.detection.logs.Timestamps;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.SigmaRules;
import jp.mamori.detection.stream.OrganisationRules;

/**
 * "Receive the gateway's syslog" ({@code mamori logs listen}): messages from a {@link SyslogReceiver}
 * run through the same parser and rules as {@code logs import}, one engine for the organisation and
 * device; detections are stored every few seconds and at the end through the same path as the
 * stream ({@link StreamDetections}: deduplicated, correlated into incidents, audited, the officer
 * notified). The evidence names the listener ({@code syslog-udp:5514}) and the message's number.
 */
public final class ListenSyslog implements AutoCloseable {

    static final long FLUSH_NANOS = 2_000_000_000L;

    private final StreamDetections rules;
    private final String orgCode;
    private final DetectionEngine.Device device;
    private final DetectionEngine engine;
    private final LineParser parser;
    private final List<Detection> pending = new ArrayList<>();
    private final SyslogReceiver receiver;
    private volatile String name;
    private long lastFlush = System.nanoTime();
    private volatile long parsed, rejected, stored;

    public record Stats(SyslogReceiver.Stats network, long parsed, long rejected, long detectionsStored) { }

    public ListenSyslog(Mamori mamori, String orgCode, String assetCode, LogSource source, ZoneId zone, SyslogReceiver.Options options) {
        this.rules = mamori.streamDetections();
        this.orgCode = orgCode;
        OrganisationRules.Settings settings = rules.settings(orgCode);
        if (settings == null) throw new InvalidInputException("組織が見つかりません / no organisation '" + orgCode + "'");
        if (assetCode != null && mamori.inventory().listOrganizations().stream().filter(o -> o.code().equals(orgCode))
                .noneMatch(o -> mamori.inventory().assets().find(o.id(), assetCode).isPresent())) {
            throw new InvalidInputException("資産が見つかりません / no asset '" + assetCode + "'");
        }
        this.device = rules.device(orgCode, assetCode);
        this.engine = new DetectionEngine(settings.policy(), SigmaRules.shipped(), pending::add);
        for (DetectionEngine.Desktop d : settings.knownDesktops()) engine.knownDesktop(d);
        this.parser = LogFormats.parser(source == null ? LogSource.NETSCALER : source, null,
                new Timestamps(zone == null ? ZoneId.of("Asia/Tokyo") : zone, mamori.clock().instant()));
        this.name = "syslog-" + (options.tcp() ? "tcp" : "udp");
        try {
            this.receiver = new SyslogReceiver(options, new SyslogReceiver.Consumer() {
                @Override
                public void message(long seq, String text) {
                    handle(seq, text);
                }

                @Override
                public void idle() {
                    flushIfDue();
                }
            });
            this.name = name + ":" + receiver.port();
        } catch (IOException e) {
            throw new InvalidInputException("待ち受けできません / cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return receiver.port();
    }

    private void handle(long seq, String text) {
        LogEvent e;
        try {
            e = parser.parse(text, seq);
        } catch (MalformedLineException | RuntimeException x) {
            rejected++;
            return;
        }
        parsed++;
        if (e != null) engine.accept(e, name, device);
        flushIfDue();
    }

    private void flushIfDue() {
        if (System.nanoTime() - lastFlush < FLUSH_NANOS && pending.size() < 1000) return;
        flush();
    }

    private void flush() {
        lastFlush = System.nanoTime();
        if (pending.isEmpty()) return;
        List<Detection> batch = new ArrayList<>(pending);
        pending.clear();
        rules.detected(orgCode, batch, engine.learnedDesktops());
        stored += batch.size();
    }

    public Stats stats() {
        return new Stats(receiver.stats(), parsed, rejected, stored);
    }

    /** Stops receiving, reads what is queued, closes the rules' windows and stores what they found. */
    @Override
    public void close() {
        receiver.close();
        engine.finish();
        flush();
    }
}
