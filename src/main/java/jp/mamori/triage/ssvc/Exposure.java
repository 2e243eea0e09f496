package jp.mamori.triage.ssvc;

/** SSVC System Exposure v1.0.1: how reachable the affected asset is. */
public enum Exposure implements SsvcValue {
    /** Isolated: local or tightly restricted access only. */
    SMALL("small"),
    /** Reachable only through controls (internal networks, LGWAN segment). */
    CONTROLLED("controlled"),
    /** Internet-facing; internet-boundary devices (VPN, VDI gateways, firewalls) are open. */
    OPEN("open");

    private final String key;

    Exposure(String key) { this.key = key; }

    @Override
    public String key() { return key; }

    public static Exposure fromKey(String key) {
        return SsvcValue.fromKey(Exposure.class, key);
    }
}
