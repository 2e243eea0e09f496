package jp.mamori.detection.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The detection policy file ({@code DATA/detection.yaml} or {@code MAMORI_DETECTION_POLICY}): the
 * rules' thresholds and windows, and allow-list entries that hold for every organisation (each
 * organisation's own list, from {@code mamori detection allow} or the web, is added to them). Every
 * key is optional; what is left out keeps today's default. Unknown keys are errors — a misspelt key
 * silently ignored would leave a default in force that the organisation believes it changed. Errors
 * name the file and the key, in Japanese and English; nothing of a bad file is used.
 *
 * <pre>
 * upload-bytes-per-hour: 100MB        # per user × destination × hour (bytes, or KB / MB / GB)
 * upload-requests-per-hour: 30        # when the proxy records no upload volume
 * concurrent-window: 15m              # one user from two addresses within (s / m / h / d)
 * session-idle: 2h                    # a session unused this long is forgotten
 * working-hours: {start: 8, end: 20}  # administrative commands outside are detected
 * incident-window: 24h                # detections of one user within are one incident
 * time-zone: Asia/Tokyo
 * egress: [192.0.2.0/24]              # allow-list entries by kind
 * cgnat: [100.64.0.0/10]
 * trusted-proxy: [192.0.2.250]
 * sanctioned-domain: [city.example.lg.jp.sharepoint.com]
 * storage-domain: [files.example.jp]
 * </pre>
 */
public final class DetectionPolicyYaml {
    private DetectionPolicyYaml() { }

    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_ENTRIES = 20_000;

    /** What the file says: the thresholds, the zone, and the entries for every organisation. */
    public record Settings(DetectionPolicy.Thresholds thresholds, ZoneId zone, List<AllowEntry> allow) {
        public Settings {
            allow = List.copyOf(allow);
        }

        public static Settings defaults() {
            return new Settings(DetectionPolicy.Thresholds.defaults(), DetectionPolicy.TOKYO, List.of());
        }

        /** The policy of one organisation: its own entries and the file's. */
        public DetectionPolicy policy(List<AllowEntry> organisation) {
            List<AllowEntry> all = new ArrayList<>(organisation);
            all.addAll(allow);
            return new DetectionPolicy(all, thresholds, zone);
        }

        /** The policy of one organisation: its own entries and the file's, its own thresholds in place of the file's. */
        public DetectionPolicy policy(List<AllowEntry> organisation, java.util.Map<PolicySetting, Long> own) {
            List<AllowEntry> all = new ArrayList<>(organisation);
            all.addAll(allow);
            return new DetectionPolicy(all, PolicySetting.apply(thresholds, own), zone);
        }
    }

    /** The file is not a valid detection policy; the message names the file and the key. */
    public static final class PolicyFileException extends RuntimeException {
        public PolicyFileException(String message) {
            super(message);
        }
    }

    private static final Set<String> KEYS = Set.of("upload-bytes-per-hour", "upload-requests-per-hour", "concurrent-window", "session-idle",
            "working-hours", "incident-window", "time-zone", "egress", "cgnat", "trusted-proxy", "sanctioned-domain", "storage-domain");

    public static Settings load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PolicyFileException(file + ": ファイルがありません / no such file");
        } catch (IOException e) {
            throw new PolicyFileException(file + ": 読めません / cannot read: " + e.getMessage());
        }
    }

    public static Settings read(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) throw error(name, null, "ファイルが大きすぎます（256 KiB まで）", "larger than 256 KiB");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error(name, null, "UTF-8 ではありません。UTF-8 で保存してください", "not UTF-8: save it as UTF-8");
        }
        if (text.indexOf('\0') >= 0) throw error(name, null, "バイナリファイルです（NULバイト）", "a binary file (NUL bytes)");
        JsonNode root;
        try {
            root = new ObjectMapper(YAMLFactory.builder().build()).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "（" + e.getLocation().getLineNr() + " 行目 / line " + e.getLocation().getLineNr() + "）";
            throw error(name, null, "YAML として読めません" + where, "not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) return Settings.defaults();
        if (!root.isObject()) throw error(name, null, "キーと値の組（マッピング）を書いてください", "expected a mapping of keys to values");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw error(name, k, "未知のキーです（綴りを確認してください）", "unknown key (check the spelling); known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        DetectionPolicy.Thresholds d = DetectionPolicy.Thresholds.defaults();
        long bytesPerHour = setting(name, root, PolicySetting.UPLOAD_BYTES_PER_HOUR, d);
        int requests = (int) setting(name, root, PolicySetting.UPLOAD_REQUESTS_PER_HOUR, d);
        Duration concurrent = Duration.ofSeconds(setting(name, root, PolicySetting.CONCURRENT_WINDOW, d));
        Duration idle = Duration.ofSeconds(setting(name, root, PolicySetting.SESSION_IDLE, d));
        Duration incident = Duration.ofSeconds(setting(name, root, PolicySetting.INCIDENT_WINDOW, d));
        int start = d.workStartHour(), end = d.workEndHour();
        if (root.has("working-hours")) {
            JsonNode w = root.get("working-hours");
            if (!w.isObject()) throw error(name, "working-hours", "{start: 8, end: 20} の形で書いてください", "expected {start: 8, end: 20}");
            for (Iterator<String> it = w.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("start") && !k.equals("end")) throw error(name, "working-hours." + k, "未知のキーです（start と end のみ）", "unknown key (only start and end)");
            }
            if (w.has("start")) start = count(name, "working-hours.start", w.get("start"), 0, 23);
            if (w.has("end")) end = count(name, "working-hours.end", w.get("end"), 1, 24);
            if (start >= end) throw error(name, "working-hours", "start は end より前の時刻にしてください", "start must be before end");
        }
        ZoneId zone = DetectionPolicy.TOKYO;
        if (root.has("time-zone")) {
            JsonNode z = root.get("time-zone");
            if (!z.isTextual()) throw error(name, "time-zone", "Asia/Tokyo のようなタイムゾーン名を書いてください", "expected a zone name such as Asia/Tokyo");
            try {
                zone = ZoneId.of(z.asText().strip());
            } catch (DateTimeException e) {
                throw error(name, "time-zone", "タイムゾーン名が不正です: " + z.asText(), "unknown time zone: " + z.asText());
            }
        }
        List<AllowEntry> allow = new ArrayList<>();
        for (AllowKind kind : AllowKind.values()) {
            JsonNode list = root.get(kind.key());
            if (list == null || list.isNull()) continue;
            if (!list.isArray()) throw error(name, kind.key(), "値の一覧（[a, b] または - a の行）を書いてください", "expected a list of values");
            for (int i = 0; i < list.size(); i++) {
                JsonNode v = list.get(i);
                String key = kind.key() + "[" + i + "]";
                if (!v.isTextual()) throw error(name, key, "文字列を書いてください", "expected a string");
                try {
                    allow.add(new AllowEntry(kind, v.asText(), name));
                } catch (IllegalArgumentException e) {
                    throw new PolicyFileException(name + ": " + key + ": " + e.getMessage());
                }
                if (allow.size() > MAX_ENTRIES) throw error(name, kind.key(), "項目が多すぎます（" + MAX_ENTRIES + " まで）", "more than " + MAX_ENTRIES + " entries");
            }
        }
        return new Settings(new DetectionPolicy.Thresholds(bytesPerHour, requests, concurrent, idle, start, end, incident), zone, allow);
    }

    /** A threshold or window the organisations may also set for themselves: read as they are ({@link PolicySetting}). */
    private static long setting(String name, JsonNode root, PolicySetting p, DetectionPolicy.Thresholds defaults) {
        JsonNode v = root.get(p.key());
        if (v == null) return p.of(defaults);
        try {
            return p.parse(v.isIntegralNumber() || v.isTextual() ? v.asText() : null);
        } catch (IllegalArgumentException e) {
            throw new PolicyFileException(name + ": " + p.key() + ": " + e.getMessage());
        }
    }

    private static int count(String name, String key, JsonNode v, int min, int max) {
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw error(name, key, min + " から " + max + " までの整数を書いてください", "expected a whole number from " + min + " to " + max);
        }
        return v.asInt();
    }

    private static PolicyFileException error(String name, String key, String ja, String en) {
        return new PolicyFileException(name + (key == null ? "" : ": " + key) + ": " + ja + " / " + en);
    }
}
