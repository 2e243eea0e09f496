package jp.mamori.detection.logs;

import java.util.Locale;

/** The log formats Mamori reads: telework gateways and web proxies (issue 15). */
public enum LogSource {
    NETSCALER("netscaler", true, "Citrix NetScaler ADC/Gateway ns.log"),
    ACCESS("access", true, "ゲートウェイのWebアクセスログ (NCSA/Apache) / gateway web access log"),
    PULSE("pulse", true, "Ivanti/Pulse Connect Secure"),
    FORTIGATE("fortigate", true, "FortiGate SSL-VPN (key=value)"),
    GLOBALPROTECT("globalprotect", true, "Palo Alto GlobalProtect (CSV)"),
    SQUID("squid", false, "Squid access.log"),
    ZSCALER("zscaler", false, "Zscaler NSS web (JSON)"),
    ZEEK_HTTP("zeek-http", false, "Zeek http.log"),
    CSV("csv", false, "CSV/ELFF (header mapping)");

    /**
     * Every key, as the CLI's help, the refusal of an unknown format and the "cannot tell" error print
     * it. A constant so that picocli's annotations can name it; {@code LogSourceTest} holds it to the
     * enum, so a new format cannot be left out of one of them.
     */
    public static final String KEYS = "netscaler | access | pulse | fortigate | globalprotect | squid | zscaler | zeek-http | csv";

    private final String key;
    private final boolean gateway;
    private final String label;

    LogSource(String key, boolean gateway, String label) {
        this.key = key;
        this.gateway = gateway;
        this.label = label;
    }

    public String key() { return key; }
    /** A telework gateway (sessions, logins), as opposed to a web proxy (uploads). */
    public boolean gateway() { return gateway; }
    public String label() { return label; }

    public static LogSource fromKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).strip();
        for (LogSource s : values()) if (s.key.equals(k)) return s;
        if (k.equals("citrix") || k.equals("ns")) return NETSCALER;
        if (k.equals("zeek")) return ZEEK_HTTP;
        throw new IllegalArgumentException("未対応のログ形式です / unknown log source '" + key + "' (" + KEYS + ")");
    }
}
