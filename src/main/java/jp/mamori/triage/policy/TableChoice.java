package jp.mamori.triage.policy;

import java.util.Locale;
import jp.mamori.triage.ssvc.CisaCoordinatorTable;
import jp.mamori.triage.ssvc.DecisionTable;
import jp.mamori.triage.ssvc.DeployerTable;

/** Which SSVC decision table an organisation triages with. */
public enum TableChoice {
    /** CISA coordinator 2.0.3, the SPEC §4 default; exposure enters through the mission raise. */
    CISA_COORDINATOR("cisa-coordinator"),
    /** CERT/CC deployer; exposure is its own input. */
    DEPLOYER("deployer");

    private final String key;

    TableChoice(String key) { this.key = key; }

    public String key() { return key; }

    public DecisionTable table() {
        return this == DEPLOYER ? new DeployerTable() : new CisaCoordinatorTable();
    }

    public static TableChoice fromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TableChoice t : values()) if (t.key.equals(k)) return t;
        throw new IllegalArgumentException("unknown table '" + key + "' (expected cisa-coordinator or deployer)");
    }
}
