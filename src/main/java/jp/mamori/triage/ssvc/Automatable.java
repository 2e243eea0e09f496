package jp.mamori.triage.ssvc;

/** SSVC Automatable v2.0.0: can an attacker reliably automate steps 1-4 of the kill chain. */
public enum Automatable implements SsvcValue {
    NO("no"),
    YES("yes");

    private final String key;

    Automatable(String key) { this.key = key; }

    @Override
    public String key() { return key; }

    public static Automatable of(boolean yes) {
        return yes ? YES : NO;
    }

    public static Automatable fromKey(String key) {
        return SsvcValue.fromKey(Automatable.class, key);
    }
}
