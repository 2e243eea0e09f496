package jp.mamori.app.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.store.DetectionStore;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.stream.DetectionStreams;
import jp.mamori.detection.stream.LogPublisher;
import jp.mamori.detection.stream.LogRecordKey;
import jp.mamori.detection.stream.OrganisationRules;
import jp.mamori.inventory.Organization;

/**
 * "Detect on the log stream" ({@code mamori logs stream}): what the Kafka Streams topology needs
 * from Mamori. Each organisation's allow-list, desktops and devices (3A/3B, actively exploited
 * vulnerabilities: the same {@link DetectionContext} as the batch import) are read from the
 * database and kept for a minute; detections are stored through the same {@link DetectionStore}
 * as an import — deduplicated by fingerprint, correlated into incidents — with the same audit
 * entries and notices. Nothing here knows Kafka.
 */
public final class StreamDetections implements OrganisationRules {

    static final Duration REFRESH = Duration.ofMinutes(1);

    private final Mamori mamori;
    private final Actor actor = Actor.system("kafka-streams");
    private final Map<String, Cached<Optional<Org>>> orgs = new ConcurrentHashMap<>();
    private final Map<String, Cached<DetectionContext>> devices = new ConcurrentHashMap<>();

    private record Org(long id, Settings settings) { }

    private record Cached<T>(T value, Instant until) { }

    public StreamDetections(Mamori mamori) {
        this.mamori = mamori;
    }

    @Override
    public Settings settings(String org) {
        return org(org).map(Org::settings).orElse(null);
    }

    private Optional<Org> org(String code) {
        Instant now = mamori.clock().instant();
        Cached<Optional<Org>> c = orgs.get(code);
        if (c != null && now.isBefore(c.until())) return c.value();
        Optional<Org> o = mamori.inventory().findOrganization(code).map(Organization::id).map(id -> {
            DetectionPolicy policy = mamori.detectionPolicy(id);
            List<DetectionEngine.Desktop> desktops = mamori.detections().desktops(id);
            return new Org(id, new Settings(policy, desktops, Objects.hash(policy.entries(), policy.thresholds(), desktops)));
        });
        orgs.put(code, new Cached<>(o, now.plus(REFRESH)));
        return o;
    }

    @Override
    public DetectionEngine.Device device(String org, String asset) {
        return asset == null ? DetectionEngine.Device.NONE : context(org, asset).device();
    }

    private DetectionContext context(String org, String asset) {
        Instant now = mamori.clock().instant();
        String k = org + "|" + (asset == null ? "" : asset);
        Cached<DetectionContext> c = devices.get(k);
        if (c != null && now.isBefore(c.until())) return c.value();
        long orgId = org(org).orElseThrow().id();
        DetectionContext ctx;
        try {
            ctx = DetectionContext.load(mamori, orgId, asset);
        } catch (InvalidInputException e) {
            // a device not (yet) in the inventory: its lines are still read, without its findings
            DetectionContext none = DetectionContext.load(mamori, orgId, null);
            ctx = new DetectionContext(none.policy(), new DetectionEngine.Device(asset, false, List.of()), null, none.assetIds(), Map.of(), none.desktops());
        }
        devices.put(k, new Cached<>(ctx, now.plus(REFRESH)));
        return ctx;
    }

    @Override
    public void detected(String org, List<Detection> detections, List<DetectionEngine.Desktop> learned) {
        Optional<Org> o = org(org);
        if (o.isEmpty()) return;
        long orgId = o.get().id();
        Instant now = mamori.clock().instant();
        String asset = detections.stream().map(Detection::assetCode).filter(Objects::nonNull).findFirst().orElse(null);
        DetectionContext ctx = context(org, asset);
        Map<String, Long> findingIds = new HashMap<>();
        for (Detection d : detections) {
            if (d.assetCode() != null) findingIds.putAll(context(org, d.assetCode()).findingIds());
        }
        DetectionStore store = mamori.detections();
        DetectionStore.Saved saved = mamori.database().inTransaction(c -> {
            DetectionStore.Saved s = detections.isEmpty() ? new DetectionStore.Saved(0, 0, List.of(), List.of())
                    : store.save(c, orgId, null, detections, ctx.assetIds(), findingIds, ctx.policy().thresholds().incidentWindow());
            if (!learned.isEmpty()) store.putDesktops(c, orgId, learned, Map.of(), Map.of(), now);
            if (s.detections() > 0 || !learned.isEmpty()) {
                Audited.record(mamori, c, actor, orgId, Audited.LOGS_STREAMED, "logs:" + (asset == null ? "-" : asset),
                        "detections=" + s.detections() + " known=" + s.duplicates() + " incidents_opened=" + s.incidentsOpened().size()
                                + " desktops_learned=" + learned.size());
            }
            IncidentNotices.opened(mamori, c, actor, orgId, ctx.systemId(), asset, s.incidentsOpened(), now);
            return s;
        });
        if (!learned.isEmpty()) orgs.remove(org);
        if (!saved.incidentsOpened().isEmpty()) mamori.notifier().flush();
    }

    /** Starts the topology on a cluster ({@code mamori logs stream}); the caller closes it. */
    public DetectionStreams start(DetectionStreams.Settings settings) {
        return new DetectionStreams(settings, this).start();
    }

    /** One file to put on the topic: the device's asset code (null for none), its format, and the name shown as evidence. */
    public record Publish(Path path, String name, String asset, LogSource source, String formatString) { }

    /**
     * Puts files on the log topic ({@code mamori logs publish}) and then the end of the input, so the
     * topology says what it gathered as the batch import does at its end. Returns the lines sent.
     */
    public long publish(String bootstrap, String topic, String orgCode, List<Publish> files) {
        if (mamori.inventory().findOrganization(orgCode).isEmpty()) throw new InvalidInputException("組織が見つかりません / no organisation '" + orgCode + "'");
        long n = 0;
        try (LogPublisher p = new LogPublisher(bootstrap, topic)) {
            for (Publish f : files) {
                try (InputStream in = Files.newInputStream(f.path())) {
                    n += p.publish(new LogRecordKey(orgCode, f.asset(), f.source(), f.name()), f.formatString(), in);
                } catch (NoSuchFileException e) {
                    throw new InvalidInputException("ファイルがありません / no such file: " + f.name(), e);
                } catch (IOException e) {
                    throw new InvalidInputException(f.name() + ": 読めません / cannot read: " + e.getMessage(), e);
                }
            }
            p.end(orgCode);
            p.flush();
        }
        return n;
    }
}
