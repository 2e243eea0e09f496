package jp.mamori.detection.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import jp.mamori.detection.logs.Addresses;
import jp.mamori.detection.logs.EventKind;
import jp.mamori.detection.logs.LogEvent;

/**
 * Every rule over a stream of events of one organisation: session IP/user-agent drift, a user from
 * several addresses at once, activity without a login, VDI launches from a new address, exploit
 * signatures (Sigma), administrative commands after hours and uploads to online storage. State is
 * per session and per user (idle sessions expire), per desktop address, and hourly aggregates per
 * user × destination; nothing else of the logs is kept. One engine per organisation: names never
 * correlate across tenants.
 */
public final class DetectionEngine {

    /** The device a log came from: its code, whether its users' desktops hold 3A/3B information, and its actively exploited vulnerabilities. */
    public record Device(String assetCode, boolean confidential, List<String> activeVulns) {
        public static final Device NONE = new Device(null, false, List.of());

        public Device {
            activeVulns = List.copyOf(activeVulns);
        }

        /** The vulnerability a session rule is tied to: a token-leak bug first (Citrix Bleed), else the first active one. */
        String sessionVuln() {
            for (String v : activeVulns) if (v.equals("CVE-2023-4966") || v.equals("CVE-2025-5777")) return v;
            return activeVulns.isEmpty() ? null : activeVulns.get(0);
        }
    }

    /** Whose a desktop address is (from ICA launches or an imported list). */
    public record Desktop(String address, String user, String host, boolean confidential, String source) { }

    /** Commands that add or change users, policies or authentication: NetScaler CLI ({@code add system user}) and FortiOS configuration messages ({@code Add user.local x}, {@code Edit firewall.policy 2}). */
    private static final Pattern ADMIN_CHANGE = Pattern.compile(
            "(?i)^\\s*(add|set|bind|rm|unbind|edit|delete)\\s+(system\\s+(user|group|cmdpolicy)|aaa\\s+(user|group)|authentication\\s+\\S+|\\S*\\s*polic(y|ies)|\\S+\\s+\\S*policy|ns\\s+ip|user\\.(local|group)|system\\.(admin|accprofile)|vpn\\.ssl\\.\\S+).*");

    private final DetectionPolicy policy;
    private final List<SigmaRule> sigma;
    private final Consumer<Detection> sink;

    // What the rules remember, in memory for a batch import or in Kafka Streams state stores (DetectionState).
    private final DetectionState.Table<Session> sessions;
    private final DetectionState.Table<UserState> users;
    private final DetectionState.Table<Desktop> desktops;
    private final DetectionState.Table<Upload> uploads;
    private final DetectionState.Table<Pending> pending;
    private final DetectionState.Table<Boolean> seenDestinations;
    /** What was said, by fingerprint: the log time it was said at (a Boolean in stores written before expiry existed). */
    private final DetectionState.Table<Object> emitted;
    private final DetectionState.Table<Instant> fileStart;
    private final DetectionState.Table<Instant> clocks;
    private final DetectionState.Table<Long> counters;
    private long events;
    private Instant clock;
    /**
     * No session was last used before this (null: not known, as for sessions restored from a store):
     * while it is inside the idle time, nothing can expire and the sweep over every session — a
     * quarter of a gateway import with a million sessions (P5) — is not made. Exact: the same
     * sessions expire at the same lines.
     */
    private Instant idleBound;

    public DetectionEngine(DetectionPolicy policy, List<SigmaRule> sigma, Consumer<Detection> sink) {
        this(policy, sigma, sink, DetectionState.inMemory());
    }

    /** The rules over the given state: a Kafka Streams task passes its stores, so a restarted task goes on where it was. */
    public DetectionEngine(DetectionPolicy policy, List<SigmaRule> sigma, Consumer<Detection> sink, DetectionState state) {
        this.policy = policy;
        this.sigma = List.copyOf(sigma);
        this.sink = sink;
        this.sessions = state.table(DetectionState.SESSIONS);
        this.users = state.table(DetectionState.USERS);
        this.desktops = state.table(DetectionState.DESKTOPS);
        this.uploads = state.table(DetectionState.UPLOADS);
        this.pending = state.table(DetectionState.SIGMA);
        this.seenDestinations = state.table(DetectionState.SEEN);
        this.emitted = state.table(DetectionState.EMITTED);
        this.fileStart = state.table(DetectionState.FILE_START);
        this.clocks = state.table(DetectionState.CLOCK);
        this.counters = state.table(DetectionState.COUNTERS);
        Long n = counters.get("events");
        this.events = n == null ? 0 : n;
        Instant c = clocks.get("clock");
        this.clock = c == null ? Instant.EPOCH : c;
    }

    public DetectionPolicy policy() { return policy; }

    /** Known desktops (imported list), read before the logs. */
    public void knownDesktop(Desktop d) {
        desktops.put(d.address(), d);
    }

    /** Desktops learned from ICA launches in this run. */
    public List<Desktop> learnedDesktops() {
        return desktops.keys().stream().map(desktops::get).filter(d -> d != null && "ica".equals(d.source())).toList();
    }

    public int activeSessions() {
        return sessions.size();
    }

    public long events() {
        return events;
    }

    // --- state -----------------------------------------------------------------------------

    /**
     * One active session. Kept for every session a gateway has open (P5: a million within 512 MB),
     * so its login address is a number when the text allows ({@link Ipv4}) and its login line is
     * packed ({@link LineShapes}); both read back exactly as the log wrote them.
     */
    static final class Session {
        final String user;
        private long loginIp4 = Ipv4.NONE;
        /** The login address when it is not canonical IPv4 (else null). */
        private String loginIpText;
        final String loginUa;
        final Instant loginAt;
        final String loginFile;
        final long loginLine;
        private final String loginShape;
        private final byte[] loginDigits;
        Instant lastAt;
        boolean loggedOut;
        Set<String> flagged;
        boolean uaFlagged;

        Session(String user, String loginIp, String loginUa, Instant loginAt, String file, long line, String text) {
            this(user, loginIp, loginUa, loginAt, file, line, LineShapes.raw(text));
        }

        Session(String user, String loginIp, String loginUa, Instant loginAt, String file, long line, LineShapes.Packed text) {
            this.user = user;
            loginIp(loginIp);
            this.loginUa = loginUa;
            this.loginAt = loginAt;
            this.loginFile = file;
            this.loginLine = line;
            this.loginShape = text.shape();
            this.loginDigits = text.digits();
            this.lastAt = loginAt;
        }

        String loginIp() {
            return loginIp4 != Ipv4.NONE ? Ipv4.text(loginIp4) : loginIpText;
        }

        boolean hasLoginIp() {
            return loginIp4 != Ipv4.NONE || loginIpText != null;
        }

        void loginIp(String ip) {
            loginIp4 = Ipv4.pack(ip);
            loginIpText = loginIp4 == Ipv4.NONE ? ip : null;
        }

        /** The same text as the login address (the common case, answered without making the text). */
        boolean loggedInFrom(String ip) {
            if (loginIp4 != Ipv4.NONE) return ip != null && Ipv4.pack(ip) == loginIp4;
            return loginIpText != null && loginIpText.equals(ip);
        }

        String loginText() {
            return new LineShapes.Packed(loginShape, loginDigits).text(user);
        }

        Evidence loginEvidence() {
            return loginShape == null ? null : new Evidence(loginFile, loginLine, loginText());
        }
    }

    /** A user's sessions (one key, or a list once there are several: most users have one) and who hijacked them. */
    static final class UserState {
        private Object sessionKeys;
        /** Addresses that took over a session of this user, and the session; shared and empty until one does (most users never). */
        Map<String, String> hijackers = java.util.Collections.emptyMap();

        void hijack(String ip, String session) {
            if (hijackers.isEmpty()) hijackers = new HashMap<>(2);
            hijackers.put(ip, session);
        }

        @SuppressWarnings("unchecked")
        List<String> sessionKeys() {
            if (sessionKeys == null) return List.of();
            if (sessionKeys instanceof String k) return List.of(k);
            return (List<String>) sessionKeys;
        }

        @SuppressWarnings("unchecked")
        void addSessionKey(String k, boolean unique) {
            if (sessionKeys == null) {
                sessionKeys = k;
            } else if (sessionKeys instanceof String one) {
                if (unique && one.equals(k)) return;
                List<String> l = new ArrayList<>(2);
                l.add(one);
                l.add(k);
                sessionKeys = l;
            } else if (!unique || !((List<String>) sessionKeys).contains(k)) {
                ((List<String>) sessionKeys).add(k);
            }
        }

        @SuppressWarnings("unchecked")
        void removeSessionKey(String k) {
            if (sessionKeys instanceof String one) {
                if (one.equals(k)) sessionKeys = null;
            } else if (sessionKeys != null) {
                List<String> l = (List<String>) sessionKeys;
                l.remove(k);
                if (l.isEmpty()) sessionKeys = null;
            }
        }

        boolean hasSessions() {
            return sessionKeys != null;
        }
    }

    static final class Upload {
        final String user, domain, file;
        final Instant bucket;
        long bytes;
        boolean bytesKnown;
        int requests;
        boolean confidential;
        final Set<String> ips = new LinkedHashSet<>();
        final List<Evidence> evidence = new ArrayList<>();
        Instant first;
        String desktopHost;

        Upload(String user, String domain, Instant bucket, String file) {
            this.user = user;
            this.domain = domain;
            this.bucket = bucket;
            this.file = file;
        }
    }

    /** A Sigma hit being gathered (one detection per rule, client and day); {@code proxy}: from a proxy log (else a gateway's). */
    static final class Pending {
        final Detection first;
        final boolean proxy;
        final List<Evidence> evidence = new ArrayList<>();
        int count;

        Pending(Detection first, boolean proxy) {
            this.first = first;
            this.proxy = proxy;
        }
    }

    /** Gateway and proxy logs arrive each in its own time order, not with each other: windows close on their own side's clock. */
    private static String side(boolean proxy) {
        return proxy ? "proxy" : "gateway";
    }

    // --- the stream --------------------------------------------------------------------------

    public void accept(LogEvent e, String file, Device device) {
        if (file != null && !file.equals(lastFile)) lastFile = file;
        file = file == null ? null : lastFile;
        events++;
        counters.put("events", events);
        if (e.at().isAfter(clock)) {
            clock = e.at();
            clocks.put("clock", clock);
        }
        String side = side(e.kind() == EventKind.WEB_REQUEST);
        Instant sideClock = clocks.get(side);
        if (sideClock == null || e.at().isAfter(sideClock)) clocks.put(side, e.at());
        Instant started = fileStart.get(file);
        if (started == null || e.at().isBefore(started)) fileStart.put(file, e.at());
        if ((events & 0xFFFF) == 0 && (idleBound == null || idleBound.isBefore(clock.minus(policy.thresholds().sessionIdle())))) expire();
        String ip = client(e);
        checkUserField(e, ip, file, device);
        switch (e.kind()) {
            case LOGIN -> login(e, ip, file, device);
            case LOGOUT -> logout(e, device);
            case SESSION_ACTIVITY -> activity(e, ip, file, device);
            case DESKTOP_LAUNCH -> launch(e, ip, file, device);
            case ADMIN_COMMAND -> admin(e, ip, file, device);
            case GATEWAY_REQUEST -> sigma(e, ip, file, device, "webserver");
            case WEB_REQUEST -> {
                sigma(e, ip, file, device, "proxy");
                upload(e, ip, file);
            }
            case LOGIN_FAILED -> { }
        }
    }

    /** The client address: a trusted reverse proxy's own address is replaced by its X-Forwarded-For. */
    private String client(LogEvent e) {
        String ip = e.clientIp();
        if (ip != null && e.forwardedFor() != null && policy.trustedProxy(ip)) {
            String f = Addresses.firstForwarded(e.forwardedFor());
            if (f != null) return f;
        }
        return ip;
    }

    /**
     * One copy of each user agent for all the sessions that carry it: a gateway sees a few dozen
     * client versions across a million sessions, and each session kept its own ~100-byte copy (P5 heap).
     * Bounded, so that a log of made-up agents cannot grow it.
     */
    private final Map<String, String> agents = new HashMap<>();

    /** Login lines' shared shapes (see {@link LineShapes}). */
    private final LineShapes shapes = new LineShapes();

    /**
     * The file name last seen: a runner may pass an equal but new String with every line (a Kafka
     * record's header), and each session would keep its own copy of it (P5 heap).
     */
    private String lastFile;

    private String agent(String ua) {
        if (ua == null) return null;
        String known = agents.get(ua);
        if (known != null) return known;
        if (agents.size() < 4096) agents.put(ua, ua);
        return ua;
    }

    private static String key(Device d, String session) {
        return (d.assetCode() == null ? "" : d.assetCode()) + "|" + session;
    }

    private void login(LogEvent e, String ip, String file, Device device) {
        String user = Addresses.userKey(e.user());
        if (user == null) return;
        UserState us = users.computeIfAbsent(user, u -> new UserState());
        Duration window = policy.thresholds().concurrentWindow();
        for (String k : us.sessionKeys()) {
            Session other = sessions.get(k);
            if (other == null || other.loggedOut || !other.hasLoginIp() || ip == null) continue;
            if (other.lastAt.isBefore(e.at().minus(window))) continue;
            if (other.loggedInFrom(ip) || policy.sameClient(other.loginIp(), ip)) continue;
            String otherIp = other.loginIp();
            List<Evidence> ev = new ArrayList<>();
            if (other.loginEvidence() != null) ev.add(other.loginEvidence());
            ev.add(evidence(file, e));
            emit(new Detection("user-concurrent-addresses", Category.SESSION_HIJACK, Severity.MEDIUM, e.at(), device.assetCode(), user, e.sessionId(),
                    List.of(otherIp, ip), null, -1,
                    "利用者 " + user + " が " + window.toMinutes() + " 分以内に別のアドレス（" + otherIp + " と " + ip + "）から同時にログインしています。",
                    "User " + user + " is signed in from two addresses (" + otherIp + " and " + ip + ") within " + window.toMinutes() + " minutes.",
                    null, ev, fp("concurrent", device, user, otherIp + "," + ip, day(e.at()))), device);
            break;
        }
        if (e.sessionId() != null) {
            String k = key(device, e.sessionId());
            Session s = new Session(user, ip, agent(e.userAgent()), e.at(), file, e.line(), shapes.pack(e.text(), user));
            used(e.at());
            sessions.put(k, s);
            us.addSessionKey(k, true);
        }
    }

    private void logout(LogEvent e, Device device) {
        if (e.sessionId() == null) return;
        Session s = sessions.get(key(device, e.sessionId()));
        sessions.remove(key(device, e.sessionId()));
        if (s != null) {
            UserState us = users.get(s.user);
            if (us != null) us.removeSessionKey(key(device, e.sessionId()));
        }
    }

    private void activity(LogEvent e, String ip, String file, Device device) {
        if (e.sessionId() == null || ip == null) return;
        String k = key(device, e.sessionId());
        Session s = sessions.get(k);
        String user = Addresses.userKey(e.user());
        if (s == null) {
            Instant start = fileStart.get(file);
            s = new Session(user, ip, agent(e.userAgent()), e.at(), null, 0, (String) null);
            used(e.at());
            sessions.put(k, s);
            if (user != null) users.computeIfAbsent(user, u -> new UserState()).addSessionKey(k, false);
            if (start != null && e.at().isAfter(start.plus(policy.thresholds().sessionIdle()))) {
                s.loginIp(null);
                emitSession(new Detection("session-without-login", Category.SESSION_HIJACK, Severity.HIGH, e.at(), device.assetCode(), user, e.sessionId(),
                        List.of(ip), null, -1,
                        "ログインの記録がないセッション " + e.sessionId() + " が " + ip + " から使われています（ログは " + start + " から記録されています）。",
                        "Session " + e.sessionId() + " is used from " + ip + " but its login was never seen (the log covers from " + start + ").",
                        null, List.of(evidence(file, e)), fp("nologin", device, e.sessionId(), "", "")), device);
            }
            return;
        }
        s.lastAt = e.at();
        used(e.at());
        if (!s.hasLoginIp()) {
            s.loginIp(ip);
            return;
        }
        String u = s.user != null ? s.user : user;
        if (!s.loggedInFrom(ip) && !policy.sameClient(s.loginIp(), ip) && (s.flagged == null || !s.flagged.contains(ip))) {
            String loginIp = s.loginIp();
            if (s.flagged == null) s.flagged = new java.util.HashSet<>(2);
            s.flagged.add(ip);
            if (u != null) users.computeIfAbsent(u, x -> new UserState()).hijack(ip, e.sessionId());
            List<Evidence> ev = new ArrayList<>();
            if (s.loginEvidence() != null) ev.add(s.loginEvidence());
            ev.add(evidence(file, e));
            emitSession(new Detection("session-ip-drift", Category.SESSION_HIJACK, Severity.HIGH, e.at(), device.assetCode(), u, e.sessionId(),
                    List.of(loginIp, ip), null, -1,
                    "セッション " + e.sessionId() + "（利用者 " + u + "）が、ログインした " + loginIp + " とは別のアドレス " + ip
                            + " から使われています。セッションの乗っ取り（Citrix Bleed 型）の疑いがあります。",
                    "Session " + e.sessionId() + " of " + u + " is used from " + ip + ", not from " + loginIp
                            + " where it logged in: a hijacked session (the Citrix Bleed pattern).",
                    null, ev, fp("drift", device, e.sessionId(), ip, "")), device);
        }
        if (e.userAgent() != null && s.loginUa != null && !s.uaFlagged && !e.userAgent().equals(s.loginUa)) {
            s.uaFlagged = true;
            List<Evidence> ev = new ArrayList<>();
            if (s.loginEvidence() != null) ev.add(s.loginEvidence());
            ev.add(evidence(file, e));
            emitSession(new Detection("session-agent-drift", Category.SESSION_HIJACK, Severity.MEDIUM, e.at(), device.assetCode(), u, e.sessionId(),
                    List.of(s.loginIp(), ip), null, -1,
                    "セッション " + e.sessionId() + " のブラウザー（User-Agent）がログイン時と変わりました: " + s.loginUa + " → " + e.userAgent(),
                    "Session " + e.sessionId() + " changed its user agent since login: " + s.loginUa + " -> " + e.userAgent(),
                    null, ev, fp("agent", device, e.sessionId(), "", "")), device);
        }
    }

    private void launch(LogEvent e, String ip, String file, Device device) {
        String user = Addresses.userKey(e.user());
        String desktop = jp.mamori.detection.logs.Addresses.strip(e.target());
        if (user != null && desktop != null && Addresses.isAddress(desktop)) {
            desktops.put(desktop, new Desktop(desktop, user, null, device.confidential(), "ica"));
        }
        if (user == null || ip == null) return;
        UserState us = users.get(user);
        if (us == null) return;
        boolean fromHijacker = us.hijackers.containsKey(ip);
        boolean known = false;
        Session legit = null;
        for (String k : us.sessionKeys()) {
            Session s = sessions.get(k);
            if (s == null || !s.hasLoginIp()) continue;
            if (legit == null) legit = s;
            if (s.loggedInFrom(ip) || policy.sameClient(s.loginIp(), ip)) known = true;
        }
        if (!fromHijacker && (known || legit == null)) return;
        List<Evidence> ev = new ArrayList<>();
        if (legit != null && legit.loginEvidence() != null) ev.add(legit.loginEvidence());
        ev.add(evidence(file, e));
        String session = fromHijacker ? us.hijackers.get(ip) : null;
        String legitIp = legit == null ? null : legit.loginIp();
        emitSession(new Detection("vdi-launch-from-new-address", Category.SESSION_HIJACK, Severity.CRITICAL, e.at(), device.assetCode(), user, session,
                legit == null ? List.of(ip) : List.of(legitIp, ip), desktop, -1,
                "利用者 " + user + " の仮想デスクトップ（" + desktop + "）が、ログインしたアドレス" + (legit == null ? "" : "（" + legitIp + "）")
                        + "とは別の " + ip + " から起動されました。乗っ取られたセッションで VDI に入られた疑いがあります。",
                "The virtual desktop " + desktop + " of " + user + " was launched from " + ip + ", not from the address it logged in from"
                        + (legit == null ? "" : " (" + legitIp + ")") + ": the hijacked session was used to enter the VDI.",
                null, ev, fp("vdi", device, user, ip, desktop)), device);
    }

    private void admin(LogEvent e, String ip, String file, Device device) {
        String cmd = e.detail();
        if (cmd == null || !ADMIN_CHANGE.matcher(cmd).matches()) return;
        ZonedDateTime local = e.at().atZone(policy.zone());
        int h = local.getHour();
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (!weekend && h >= policy.thresholds().workStartHour() && h < policy.thresholds().workEndHour()) return;
        String user = Addresses.userKey(e.user());
        emit(new Detection("admin-command-after-hours", Category.OTHER, Severity.HIGH, e.at(), device.assetCode(), user, null,
                ip == null ? List.of() : List.of(ip), null, -1,
                "業務時間外（" + local.toLocalTime().truncatedTo(ChronoUnit.MINUTES) + (weekend ? "、休日" : "") + "）に管理コマンドが実行されました: " + cmd,
                "An administrative command ran outside working hours (" + local.toLocalTime().truncatedTo(ChronoUnit.MINUTES) + (weekend ? ", weekend" : "") + "): " + cmd,
                null, List.of(evidence(file, e)), fp("admin", device, String.valueOf(e.line()), cmd, e.at().toString())), device);
    }

    private void checkUserField(LogEvent e, String ip, String file, Device device) {
        String u = e.user();
        if (u == null) return;
        boolean bad = u.length() > 256;
        for (int i = 0; i < u.length() && !bad; i++) {
            char c = u.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\uFFFD' || (c >= 0x80 && c < 0xA0)) bad = true;
        }
        if (!bad) return;
        emit(new Detection("nonprintable-user-field", Category.EXPLOIT_ATTEMPT, Severity.HIGH, e.at(), device.assetCode(), null, e.sessionId(),
                ip == null ? List.of() : List.of(ip), null, -1,
                "利用者名の項目に制御文字や異常に長い値が記録されています（メモリ漏えい・入力検証の不備を突く攻撃の痕跡の可能性）。",
                "The user field holds control characters or an abnormally long value (a sign of a memory-leak or input-validation exploit).",
                device.sessionVuln(), List.of(evidence(file, e)), fp("nonprint", device, ip == null ? "" : ip, day(e.at()), "")), device);
    }

    private void sigma(LogEvent e, String ip, String file, Device device, String category) {
        if (category.equals("proxy") && policy.sanctioned(e.destinationHost()) != null) return;
        for (SigmaRule r : sigma) {
            if (!r.logCategory().equals(category) || !r.matches(e)) continue;
            String vuln = r.cves().isEmpty() ? null : r.cves().get(0);
            Category cat = vuln != null ? Category.EXPLOIT_ATTEMPT : category.equals("proxy") ? Category.EXFILTRATION : Category.OTHER;
            String user = Addresses.userKey(e.user());
            if (user == null && ip != null && desktops.contains(ip)) user = desktops.get(ip).user();
            String k = fp("sigma:" + r.id(), device, ip == null ? "" : ip, user == null ? "" : user, day(e.at()));
            Pending p = pending.get(k);
            if (p == null) {
                Detection d = new Detection("sigma:" + r.id(), cat, r.severity(), e.at(), device.assetCode(), user, e.sessionId(),
                        ip == null ? List.of() : List.of(ip), e.destinationHost(), e.bytesOut(),
                        "Sigma ルール「" + r.title() + "」に一致しました" + (vuln == null ? "。" : "（" + vuln + "）。"),
                        "Matched the Sigma rule \"" + r.title() + "\"" + (vuln == null ? "." : " (" + vuln + ")."), vuln, List.of(), k);
                pending.put(k, p = new Pending(d, category.equals("proxy")));
            }
            p.count++;
            if (p.evidence.size() < Detection.MAX_EVIDENCE) p.evidence.add(evidence(file, e));
        }
    }

    private void upload(LogEvent e, String ip, String file) {
        String domain = policy.storage(e.destinationHost());
        if (domain == null || policy.sanctioned(e.destinationHost()) != null) return;
        String method = e.method() == null ? "" : e.method();
        boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (!write && e.bytesOut() < 64 * 1024) return;
        String user = Addresses.userKey(e.user());
        Desktop desk = ip == null ? null : desktops.get(ip);
        if (user == null && desk != null) user = desk.user();
        String who = user != null ? user : "addr:" + ip;
        Instant bucket = e.at().truncatedTo(ChronoUnit.HOURS);
        String k = who + "|" + domain + "|" + bucket;
        Upload u = uploads.get(k);
        if (u == null) {
            uploads.put(k, u = new Upload(user, domain, bucket, file));
            u.first = e.at();
        }
        u.requests++;
        if (e.bytesOut() >= 0) {
            u.bytes += e.bytesOut();
            u.bytesKnown = true;
        }
        if (desk != null && desk.confidential()) u.confidential = true;
        if (desk != null) u.desktopHost = desk.host() != null ? desk.host() : desk.address();
        if (ip != null) u.ips.add(ip);
        if (u.evidence.size() < Detection.MAX_EVIDENCE) u.evidence.add(evidence(file, e));
        String seen = who + "|" + domain;
        if (!seenDestinations.contains(seen)) {
            seenDestinations.put(seen, Boolean.TRUE);
            emit(new Detection("storage-first-seen", Category.EXFILTRATION, Severity.LOW, e.at(), null, user, null,
                    ip == null ? List.of() : List.of(ip), domain, e.bytesOut(),
                    (user == null ? ip : user) + " が初めてオンラインストレージ " + domain + " へ送信しました。",
                    (user == null ? ip : user) + " sent data to the online storage service " + domain + " for the first time.",
                    null, List.of(evidence(file, e)), fp("firstseen", Device.NONE, who, domain, "")), Device.NONE);
        }
        if (clock.isAfter(bucket.plus(Duration.ofHours(2))) && uploads.size() > 1024) flushUploads(bucket);
    }

    // --- output ------------------------------------------------------------------------------

    /** Emits what is still gathered (uploads per hour, Sigma hits); call at the end of an import. */
    public void finish() {
        flushUploads(null);
        for (String k : pending.keys()) emitPending(k);
    }

    /**
     * For a runner that never finishes (Kafka Streams): says what was gathered in windows that have
     * closed — upload hours and Sigma days that ended more than {@code grace} before the newest line
     * seen — exactly as {@link #finish()} would have said it for them.
     */
    public void closeWindows(Duration grace) {
        Instant proxy = clocks.get(side(true)), gateway = clocks.get(side(false));
        if (proxy != null) flushUploads(proxy.minus(grace).minus(Duration.ofHours(1)));
        for (String k : pending.keys()) {
            Pending p = pending.get(k);
            Instant upTo = p.proxy ? proxy : gateway;
            if (upTo != null && !p.first.at().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).isAfter(upTo.minus(grace))) emitPending(k);
        }
    }

    private void emitPending(String k) {
        Pending p = pending.get(k);
        pending.remove(k);
        Detection d = p.first;
        emitRaw(new Detection(d.rule(), d.category(), d.severity(), d.at(), d.assetCode(), d.user(), d.sessionId(), d.sourceIps(),
                d.destination(), d.bytesOut(), d.summaryJa() + (p.count > 1 ? "（" + p.count + " 回）" : ""),
                d.summaryEn() + (p.count > 1 ? " (" + p.count + " times)" : ""), d.vulnId(), p.evidence, d.fingerprint()));
    }

    private void flushUploads(Instant before) {
        for (String k : uploads.keys()) {
            Upload u = uploads.get(k);
            if (before != null && !u.bucket.isBefore(before)) continue;
            uploads.remove(k);
            DetectionPolicy.Thresholds t = policy.thresholds();
            String who = u.user != null ? u.user : String.join(",", u.ips);
            Detection d = null;
            if (u.bytesKnown && u.bytes >= t.uploadBytesPerHour()) {
                d = new Detection("storage-upload-volume", Category.EXFILTRATION, Severity.HIGH, u.first, null, u.user, null,
                        List.copyOf(u.ips), u.domain, u.bytes,
                        who + " がオンラインストレージ " + u.domain + " へ 1 時間に " + mb(u.bytes) + " を送信しました（" + u.requests + " 件、しきい値 "
                                + mb(t.uploadBytesPerHour()) + "）" + (u.desktopHost == null ? "" : "。送信元は仮想デスクトップ " + u.desktopHost) + "。",
                        who + " uploaded " + mb(u.bytes) + " to the online storage service " + u.domain + " within one hour (" + u.requests
                                + " requests, threshold " + mb(t.uploadBytesPerHour()) + ")" + (u.desktopHost == null ? "" : " from the virtual desktop " + u.desktopHost) + ".",
                        null, u.evidence, fp("upload", Device.NONE, who, u.domain, u.bucket.toString()));
            } else if (!u.bytesKnown && u.requests >= t.uploadRequestsPerHour()) {
                d = new Detection("storage-upload-requests", Category.EXFILTRATION, Severity.MEDIUM, u.first, null, u.user, null,
                        List.copyOf(u.ips), u.domain, -1,
                        who + " がオンラインストレージ " + u.domain + " へ 1 時間に " + u.requests + " 件送信しました（送信量は記録されていません）。",
                        who + " sent " + u.requests + " requests to the online storage service " + u.domain + " within one hour (upload volume not recorded).",
                        null, u.evidence, fp("uploadreq", Device.NONE, who, u.domain, u.bucket.toString()));
            }
            if (d == null) continue;
            if (u.confidential) {
                d = d.withSeverity(d.severity().raise(), " 機密性 3A/3B の情報を扱う端末からの送信のため、重要度を 1 段階上げました。",
                        " Raised one level: the desktop handles information of confidentiality 3A/3B.");
            }
            emitRaw(d);
        }
    }

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }

    /** Session rules on a device with an actively exploited vulnerability are raised one level and tied to it. */
    private void emitSession(Detection d, Device device) {
        String vuln = device.sessionVuln();
        if (vuln != null) {
            d = new Detection(d.rule(), d.category(), d.severity().raise(), d.at(), d.assetCode(), d.user(), d.sessionId(), d.sourceIps(),
                    d.destination(), d.bytesOut(),
                    d.summaryJa() + " この機器には悪用が確認された " + vuln + " が残っているため、重要度を 1 段階上げました。",
                    d.summaryEn() + " Raised one level: the device still carries the actively exploited " + vuln + ".", vuln, d.evidence(), d.fingerprint());
        }
        emitRaw(d);
    }

    private void emit(Detection d, Device device) {
        emitRaw(d);
    }

    private void emitRaw(Detection d) {
        if (emitted.contains(d.fingerprint())) return;
        emitted.put(d.fingerprint(), clock);
        sink.accept(d);
    }

    /** How often (on the log's clock) {@link #expireFingerprints} looks at what was said. */
    public static final Duration FINGERPRINT_SWEEP = Duration.ofHours(1);

    /**
     * For a runner that never finishes (Kafka Streams): forgets the fingerprints of what was said more
     * than {@code retention} before the newest line seen, so that "what was said" does not grow without
     * bound (ADR 0016). Looks at most once per {@link #FINGERPRINT_SWEEP} of log time. A fingerprint kept
     * by a store from before expiry (no time) starts its retention now. After expiry the same lines, read
     * again, say the detection again; the database keeps one row per fingerprint, so nothing is stored or
     * notified twice. Returns how many fingerprints were forgotten.
     */
    public int expireFingerprints(Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) throw new IllegalArgumentException("retention must be positive");
        Instant last = clocks.get("fingerprints-swept");
        if (last != null && clock.isBefore(last.plus(FINGERPRINT_SWEEP))) return 0;
        clocks.put("fingerprints-swept", clock);
        Instant cutoff = clock.minus(retention);
        int forgotten = 0;
        for (String fp : emitted.keys()) {
            Object at = emitted.get(fp);
            if (at instanceof Instant t) {
                if (t.isBefore(cutoff)) {
                    emitted.remove(fp);
                    forgotten++;
                }
            } else if (at != null) {
                emitted.put(fp, clock);
            }
        }
        return forgotten;
    }

    /** How many fingerprints of what was said are remembered (for the operator and tests). */
    public int rememberedFingerprints() {
        return emitted.size();
    }

    private void used(Instant at) {
        if (idleBound != null && at.isBefore(idleBound)) idleBound = at;
    }

    private void expire() {
        Instant cutoff = clock.minus(policy.thresholds().sessionIdle());
        Instant oldest = Instant.MAX;
        for (String k : sessions.keys()) {
            Session s = sessions.get(k);
            if (!s.lastAt.isBefore(cutoff) && s.lastAt.isBefore(oldest)) oldest = s.lastAt;
            if (s.lastAt.isBefore(cutoff)) {
                sessions.remove(k);
                UserState us = s.user == null ? null : users.get(s.user);
                if (us != null) {
                    us.removeSessionKey(k);
                    if (!us.hasSessions() && us.hijackers.isEmpty()) users.remove(s.user);
                }
            }
        }
        idleBound = oldest;
    }

    private static Evidence evidence(String file, LogEvent e) {
        return new Evidence(file, e.line(), e.text());
    }

    private static String day(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS).toString();
    }

    private static String fp(String rule, Device d, String a, String b, String c) {
        return rule + "|" + (d.assetCode() == null ? "" : d.assetCode()) + "|" + a + "|" + b + "|" + c;
    }
}
